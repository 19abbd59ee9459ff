// Merge and shuffle: every map's segment for one reduce task, merged in key order.
using System.Runtime.CompilerServices;
using Hdnr.Formats.Shuffle;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Shuffle;

/// <summary>Merges sorted segments into one sorted stream with a heap, as Hadoop's Merger does for a reducer's inputs.</summary>
/// <remarks>Keys compare by the job's key order, the one the map side sorted with; equal keys keep the segments' order, so values arrive map by map (where Hadoop's order depends on which map's output its reducer fetched first).</remarks>
internal sealed class RunMerger : IPairSource, IDisposable
{
    private readonly SortedSegment[] _readers;
    private readonly KeyOrder _order;
    private readonly int[] _heap;
    private int _size;
    private bool _started;

    public RunMerger(IReadOnlyList<SortedSegment> readers, KeyOrder order)
    {
        _order = order;
        _readers = [.. readers];
        _heap = new int[_readers.Length];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        if (!_started)
        {
            _started = true;
            for (var i = 0; i < _readers.Length; i++)
            {
                if (!_readers[i].MoveNext()) continue;
                _heap[_size] = i;
                Up(_size++);
            }
        }
        else if (_size > 0)
        {
            // The pair handed out last is consumed now: advance its reader and restore the heap.
            if (_readers[_heap[0]].MoveNext()) Down(0);
            else
            {
                _heap[0] = _heap[--_size];
                if (_size > 0) Down(0);
            }
        }
        if (_size == 0)
        {
            key = value = default;
            return false;
        }
        var top = _readers[_heap[0]];
        key = top.Key;
        value = top.Value;
        return true;
    }

    private bool Less(int a, int b)
    {
        var order = _order.Compare(_readers[a].Key, _readers[b].Key);
        return order < 0 || (order == 0 && a < b);
    }

    private void Up(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Less(_heap[i], _heap[parent])) break;
            (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
            i = parent;
        }
    }

    private void Down(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= _size) return;
            var smallest = left + 1 < _size && Less(_heap[left + 1], _heap[left]) ? left + 1 : left;
            if (!Less(_heap[smallest], _heap[i])) return;
            (_heap[i], _heap[smallest]) = (_heap[smallest], _heap[i]);
            i = smallest;
        }
    }

    public void Dispose()
    {
        foreach (var reader in _readers) reader.Dispose();
    }
}
