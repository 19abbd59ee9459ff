namespace Hdnr.Formats.Shuffle;

/// <summary>Hadoop's KeyFieldBasedComparator over text keys: each <c>-k</c> in turn compares the bytes it selects, as unsigned bytes or with the comparator's own numerical compare (<c>n</c>), reversed with <c>r</c>; without options, the bytes.</summary>
/// <remarks>
/// Hadoop's numerical compare is not sort(1)'s: it skips one leading minus and leading zeros, compares digit runs by
/// length then digits, treats what follows a number as ending it, and compares a key with a field that is missing as
/// smaller (larger with <c>r</c>). Kept byte for byte, because it decides the order of the part files.
/// </remarks>
public sealed class KeyFieldOrder(KeyFieldOptions options) : KeyOrder
{
    private const byte Negative = (byte)'-';
    private const byte Zero = (byte)'0';
    private const byte Decimal = (byte)'.';

    /// <summary>The options it compares by.</summary>
    public KeyFieldOptions Options { get; } = options;

    /// <inheritdoc/>
    public override int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (Options.Specs.Count == 0) return x.SequenceCompareTo(y);
        Span<int> smallX = stackalloc int[32];
        Span<int> smallY = stackalloc int[32];
        var lengthsX = smallX;
        var lengthsY = smallY;
        while (!Options.FieldLengths(x, lengthsX)) lengthsX = new int[lengthsX.Length * 4];
        while (!Options.FieldLengths(y, lengthsY)) lengthsY = new int[lengthsY.Length * 4];
        foreach (var spec in Options.Specs)
        {
            var (startX, endX) = Options.Select(x, lengthsX, spec);
            var (startY, endY) = Options.Select(y, lengthsY, spec);
            var result = CompareSelected(x, startX, endX, y, startY, endY, spec);
            if (result != 0) return result;
        }
        return 0;
    }

    private static int CompareSelected(ReadOnlySpan<byte> a, int startA, int endA, ReadOnlySpan<byte> b, int startB, int endB, KeyFieldSpec spec)
    {
        if (startA == -1) return spec.Reverse ? 1 : -1;
        if (startB == -1) return spec.Reverse ? -1 : 1;
        var result = spec.Numeric
            ? Numerical(a, startA, endA, b, startB, endB)
            : a.Slice(startA, Math.Max(0, endA - startA + 1)).SequenceCompareTo(b.Slice(startB, Math.Max(0, endB - startB + 1)));
        return spec.Reverse ? -result : result;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    // KeyFieldBasedComparator.numericalCompare, on inclusive ends; the first byte of a selection is read even when the
    // selection is empty (it is then the next separator), as Hadoop reads it.
    private static int Numerical(ReadOnlySpan<byte> a, int start1, int end1, ReadOnlySpan<byte> b, int start2, int end2)
    {
        var i = start1;
        var j = start2;
        var mul = 1;
        var firstA = a[i];
        var firstB = b[j];
        if (firstA == Negative)
        {
            if (firstB != Negative) return OneNegative(a, start1 + 1, end1, b, start2, end2);
            i++;
        }
        if (firstB == Negative)
        {
            if (firstA != Negative) return -OneNegative(b, start2 + 1, end2, a, start1, end1);
            j++;
        }
        if (firstA == Negative && firstB == Negative) mul = -1;
        while (i <= end1 && a[i] == Zero) i++;
        while (j <= end2 && b[j] == Zero) j++;
        while (i <= end1 && j <= end2)
        {
            if (!IsDigit(a[i]) || a[i] != b[j]) break;
            i++;
            j++;
        }
        if (i <= end1) firstA = a[i];
        if (j <= end2) firstB = b[j];
        var firstResult = firstA - firstB;
        if ((firstA == Decimal && (!IsDigit(firstB) || j > end2)) || (firstB == Decimal && (!IsDigit(firstA) || i > end1)))
            return mul < 0 ? -DecimalCompare(a, i, end1, b, j, end2) : DecimalCompare(a, i, end1, b, j, end2);
        var remainA = 0;
        var remainB = 0;
        while (i <= end1)
        {
            if (IsDigit(a[i++])) remainA++;
            else break;
        }
        while (j <= end2)
        {
            if (IsDigit(b[j++])) remainB++;
            else break;
        }
        var ret = remainA - remainB;
        if (ret == 0) return mul < 0 ? -firstResult : firstResult;
        return mul < 0 ? -ret : ret;
    }

    private static int DecimalCompare(ReadOnlySpan<byte> a, int i, int end1, ReadOnlySpan<byte> b, int j, int end2)
    {
        if (i > end1) return -DecimalCompare1(b, ++j, end2);
        if (j > end2) return DecimalCompare1(a, ++i, end1);
        if (a[i] == Decimal && b[j] == Decimal)
        {
            while (i <= end1 && j <= end2)
            {
                if (a[i] != b[j])
                {
                    if (IsDigit(a[i]) && IsDigit(b[j])) return a[i] - b[j];
                    if (IsDigit(a[i])) return 1;
                    if (IsDigit(b[j])) return -1;
                    return 0;
                }
                i++;
                j++;
            }
            if (i > end1 && j > end2) return 0;
            if (i > end1) return -DecimalCompare1(b, j, end2);
            if (j > end2) return DecimalCompare1(a, i, end1);
        }
        else if (a[i] == Decimal)
        {
            return DecimalCompare1(a, ++i, end1);
        }
        else if (b[j] == Decimal)
        {
            return -DecimalCompare1(b, ++j, end2);
        }
        return 0;
    }

    private static int DecimalCompare1(ReadOnlySpan<byte> a, int i, int end)
    {
        while (i <= end)
        {
            if (a[i] == Zero)
            {
                i++;
                continue;
            }
            return IsDigit(a[i]) ? 1 : 0;
        }
        return 0;
    }

    // a is negative and b is not: a is smaller unless both are zeros (-0.0 and 0.0 are equal).
    private static int OneNegative(ReadOnlySpan<byte> a, int start1, int end1, ReadOnlySpan<byte> b, int start2, int end2) =>
        !IsZero(a, start1, end1) || !IsZero(b, start2, end2) ? -1 : 0;

    // Whether the number is zero, reading non-digits as zeros, as Hadoop's isZero.
    private static bool IsZero(ReadOnlySpan<byte> a, int start, int end)
    {
        var i = start;
        while (i <= end)
        {
            if (a[i] != Zero)
            {
                if (a[i] != Decimal && IsDigit(a[i])) return false;
                break;
            }
            i++;
        }
        if (i != end + 1 && a[i++] == Decimal)
        {
            while (i <= end)
            {
                if (a[i] != Zero)
                {
                    if (IsDigit(a[i])) return false;
                    break;
                }
                i++;
            }
        }
        return true;
    }
}
