// Merge and shuffle: every map's segment for one reduce task, merged in key order.
using Hdnr.Formats.Shuffle;

namespace Hdnr.Engine.Shuffle;

/// <summary>One pass of Hadoop's merge of a map task's spills (Merger's MergeQueue in mergeParts), so equal keys of different segments come in Hadoop's order.</summary>
/// <remarks>
/// Hadoop keeps the segments of a pass in its PriorityQueue: a 1-based binary heap, filled in the order the pass took
/// them, that moves a segment only past a strictly smaller key. Which segment's pair comes first for an equal key
/// follows from that heap, not from the spills' order. <see cref="MergePlan"/> decides the passes and their segments.
/// </remarks>
internal sealed class SpillMerger : SortedSegment
{
    private readonly KeyOrder _order;
    private readonly SortedSegment[] _heap;
    private int _size;
    private bool _started;

    /// <summary>Merges <paramref name="segments"/>, put into the heap in this order; one with no pair is dropped.</summary>
    public SpillMerger(IReadOnlyList<SortedSegment> segments, KeyOrder order)
    {
        _order = order;
        _heap = new SortedSegment[segments.Count + 1];
        foreach (var segment in segments)
        {
            if (!segment.MoveNext())
            {
                segment.Dispose();
                continue;
            }
            _heap[++_size] = segment;
            Up(_size);
        }
    }

    public override ReadOnlySpan<byte> Key => _heap[1].Key;

    public override ReadOnlySpan<byte> Value => _heap[1].Value;

    public override bool MoveNext()
    {
        if (_size == 0) return false;
        if (!_started)
        {
            _started = true;
            return true;
        }
        // The pair handed out last is consumed now: advance its segment, then restore the heap as Hadoop does.
        var top = _heap[1];
        if (!top.MoveNext())
        {
            _heap[1] = _heap[_size];
            _heap[_size--] = null!;
            top.Dispose();
        }
        if (_size == 0) return false;
        Down();
        return true;
    }

    private bool Less(SortedSegment a, SortedSegment b) => _order.Compare(a.Key, b.Key) < 0;

    private void Up(int i)
    {
        var node = _heap[i];
        for (var parent = i >> 1; parent > 0 && Less(node, _heap[parent]); parent = i >> 1)
        {
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = node;
    }

    private void Down()
    {
        var i = 1;
        var node = _heap[i];
        var child = SmallerChild(i);
        while (child <= _size && Less(_heap[child], node))
        {
            _heap[i] = _heap[child];
            i = child;
            child = SmallerChild(i);
        }
        _heap[i] = node;
    }

    // The left child unless the right one is strictly smaller, as Hadoop's PriorityQueue picks.
    private int SmallerChild(int i)
    {
        var left = i << 1;
        return left + 1 <= _size && Less(_heap[left + 1], _heap[left]) ? left + 1 : left;
    }

    public override void Dispose()
    {
        for (var i = 1; i <= _size; i++) _heap[i].Dispose();
        _size = 0;
    }
}
