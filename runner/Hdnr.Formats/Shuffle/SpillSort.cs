namespace Hdnr.Formats.Shuffle;

/// <summary>The sort a Hadoop map task runs over its spill buffer (Hadoop's QuickSort, with its HeapSort fallback): not stable, so the order it leaves equal keys in is part of what a job outputs.</summary>
/// <remarks>
/// The same comparisons and swaps in the same sequence as Hadoop 2.8.5's and 3.x's
/// <c>org.apache.hadoop.util.QuickSort</c>: median of three moved to the front, a three-way partition that gathers
/// items equal to the pivot at both ends and swaps them into the middle, insertion sort below 13 items, and a heap
/// sort once the recursion is deeper than four times the bits of the length. Any other sort, even a correct one, puts
/// the values of a repeated key in another order than a Hadoop reducer sees them.
/// </remarks>
public static class SpillSort
{
    /// <summary>Sorts positions [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="items"/>.</summary>
    public static void Sort<T>(ref T items, int start, int end) where T : struct, IIndexedSortable
    {
        if (end - start < 1) return;
        QuickSort(ref items, start, end, MaxDepth(end - start));
    }

    // Four times the number of bits of (length - 1): Hadoop's bound before it gives up on quicksort.
    private static int MaxDepth(int length) => (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(length - 1))) << 2;

    private static void OrderPair<T>(ref T items, int a, int b) where T : struct, IIndexedSortable
    {
        if (items.Compare(a, b) > 0) items.Swap(a, b);
    }

    private static void QuickSort<T>(ref T items, int p, int r, int depth) where T : struct, IIndexedSortable
    {
        while (true)
        {
            if (r - p < 13)
            {
                for (var i = p; i < r; i++)
                    for (var j = i; j > p && items.Compare(j - 1, j) > 0; j--)
                        items.Swap(j, j - 1);
                return;
            }
            if (--depth < 0)
            {
                HeapSort(ref items, p, r);
                return;
            }

            // The median of the middle, first and last item becomes the pivot, at position p.
            var middle = (int)((uint)(p + r) >> 1);
            OrderPair(ref items, middle, p);
            OrderPair(ref items, middle, r - 1);
            OrderPair(ref items, p, r - 1);

            // Items equal to the pivot collect at the left end (up to ll) and the right end (from rr).
            int left = p, right = r, ll = p, rr = r;
            while (true)
            {
                while (++left < right)
                {
                    var order = items.Compare(left, p);
                    if (order > 0) break;
                    if (order == 0 && ++ll != left) items.Swap(ll, left);
                }
                while (--right > left)
                {
                    var order = items.Compare(p, right);
                    if (order > 0) break;
                    if (order == 0 && --rr != right) items.Swap(rr, right);
                }
                if (left < right) items.Swap(left, right);
                else break;
            }
            var upper = left;
            while (ll >= p) items.Swap(ll--, --left);
            while (rr < r) items.Swap(rr++, upper++);

            // The smaller side first, the larger one by looping, as Hadoop's does.
            if (left - p < r - upper)
            {
                QuickSort(ref items, p, left, depth);
                p = upper;
            }
            else
            {
                QuickSort(ref items, upper, r, depth);
                r = left;
            }
        }
    }

    /// <summary>Sorts positions [<paramref name="p"/>, <paramref name="r"/>) as Hadoop's HeapSort, the fallback of its QuickSort.</summary>
    public static void HeapSort<T>(ref T items, int p, int r) where T : struct, IIndexedSortable
    {
        var n = r - p;
        // A max-heap over 1-based positions base+1 .. base+n, built level by level from the last full level up.
        var top = 1 << (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)n));
        for (var level = top; level > 1; level >>= 1)
            for (var j = level >> 1; j < level; j++)
                SiftDown(ref items, p - 1, j, n + 1);
        for (var i = r - 1; i > p; i--)
        {
            items.Swap(p, i);
            SiftDown(ref items, p - 1, 1, i - p + 1);
        }
    }

    private static void SiftDown<T>(ref T items, int origin, int i, int limit) where T : struct, IIndexedSortable
    {
        for (var child = i << 1; child < limit; child = i << 1)
        {
            if (child + 1 < limit && items.Compare(origin + child, origin + child + 1) < 0)
            {
                if (items.Compare(origin + i, origin + child + 1) >= 0) return;
                items.Swap(origin + i, origin + child + 1);
                i = child + 1;
            }
            else if (items.Compare(origin + i, origin + child) < 0)
            {
                items.Swap(origin + i, origin + child);
                i = child;
            }
            else return;
        }
    }
}
