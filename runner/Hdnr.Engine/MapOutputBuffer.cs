using Hdnr.Runtime.Shuffle;

namespace Hdnr.Engine;

/// <summary>A map task's output buffer (Hadoop's MapOutputBuffer): partitions each pair with HashPartitioner, keeps it until the buffer is full, then spills it sorted by partition and key, through the combiner if there is one.</summary>
/// <remarks>
/// Pairs are grouped by key as they arrive (a hash table over the key bytes), values of a key in arrival order, so a
/// spill sorts only distinct keys. Hadoop sorts every record and groups equal keys at the combiner; the spill it
/// writes is the same sorted, grouped sequence. The combiner runs once per partition per spill, as Hadoop's
/// sortAndSpill calls it; Hadoop may combine any subset of a key's values any number of times, so this is one of
/// its own schedules. The memory held (all arrays, by capacity) stays under the sort buffer size.
/// </remarks>
internal sealed class MapOutputBuffer : IPairSink
{
    private const int EntryBytes = 24;
    private const int ValueBytes = 12;

    private readonly int _partitions;
    private readonly long _limit;
    private readonly Func<SpillWriter> _newSpill;
    private readonly Action<IPairSource, IPairSink>? _combine;

    private byte[] _keys = new byte[1 << 16];
    private int _keysUsed;
    private byte[] _values = new byte[1 << 16];
    private int _valuesUsed;

    // Entries: one per distinct key.
    private int[] _keyStart = new int[1 << 12];
    private int[] _keyLength = new int[1 << 12];
    private int[] _hash = new int[1 << 12];
    private int[] _partition = new int[1 << 12];
    private int[] _head = new int[1 << 12];
    private int[] _tail = new int[1 << 12];
    private int _entries;

    // Value records, chained per key.
    private int[] _valueStart = new int[1 << 14];
    private int[] _valueLength = new int[1 << 14];
    private int[] _next = new int[1 << 14];
    private int _valueCount;

    private int[] _buckets = new int[1 << 13];

    private readonly List<SpillRun> _runs = [];

    public MapOutputBuffer(int partitions, long limitBytes, Func<SpillWriter> newSpill, Action<IPairSource, IPairSink>? combine)
    {
        _partitions = partitions;
        _limit = Math.Max(limitBytes, 1 << 20);
        _newSpill = newSpill;
        _combine = combine;
    }

    /// <summary>The spills written so far.</summary>
    public IReadOnlyList<SpillRun> Runs => _runs;

    /// <summary>Pairs collected (Hadoop's "Map output records").</summary>
    public long Records { get; private set; }

    /// <summary>Key and value bytes collected (Hadoop's "Map output bytes").</summary>
    public long Bytes { get; private set; }

    /// <summary>Pairs written to spill files (Hadoop's "Spilled Records").</summary>
    public long SpilledRecords { get; private set; }

    /// <summary>Pairs the combiner read (Hadoop's "Combine input records").</summary>
    public long CombineInputRecords { get; private set; }

    /// <summary>Pairs the combiner wrote (Hadoop's "Combine output records").</summary>
    public long CombineOutputRecords { get; private set; }

    private long Held =>
        (long)_keys.Length + _values.Length + ((long)_keyStart.Length * EntryBytes) + ((long)_valueStart.Length * ValueBytes) + (_buckets.Length * 4L);

    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Records++;
        Bytes += key.Length + value.Length;
        var javaHash = HashPartitioner.HashBytes(key);
        var partition = (javaHash & int.MaxValue) % _partitions;
        if (!Fits(key.Length, value.Length))
        {
            Spill();
            Grow(key.Length, value.Length);
        }
        var entry = FindOrAdd(key, javaHash, partition);
        var v = _valueCount++;
        _valueStart[v] = _valuesUsed;
        _valueLength[v] = value.Length;
        _next[v] = -1;
        value.CopyTo(_values.AsSpan(_valuesUsed));
        _valuesUsed += value.Length;
        if (_head[entry] < 0) _head[entry] = v;
        else _next[_tail[entry]] = v;
        _tail[entry] = v;
    }

    /// <summary>Spills what is left; the task's output is then <see cref="Runs"/>.</summary>
    public void Flush()
    {
        if (_valueCount > 0 || _runs.Count == 0) Spill();
    }

    // Whether one more pair fits in the arrays as they are, growing them within the limit if not.
    private bool Fits(int keyLength, int valueLength)
    {
        if (HasRoom(keyLength, valueLength)) return true;
        var before = Held;
        var keys = NewSize(_keys.Length, _keysUsed + keyLength);
        var values = NewSize(_values.Length, _valuesUsed + valueLength);
        var entries = _entries + 1 > _keyStart.Length ? _keyStart.Length * 2 : _keyStart.Length;
        var valueSlots = _valueCount + 1 > _valueStart.Length ? _valueStart.Length * 2 : _valueStart.Length;
        var buckets = (_entries + 1) * 2 > _buckets.Length ? _buckets.Length * 2 : _buckets.Length;
        var after = (long)keys + values + ((long)entries * EntryBytes) + ((long)valueSlots * ValueBytes) + (buckets * 4L);
        if (after > _limit && _valueCount > 0 && after > before) return false;
        Grow(keyLength, valueLength);
        return true;
    }

    private bool HasRoom(int keyLength, int valueLength) =>
        _keys.Length - _keysUsed >= keyLength && _values.Length - _valuesUsed >= valueLength
        && _entries < _keyStart.Length && _valueCount < _valueStart.Length && (_entries + 1) * 2 <= _buckets.Length;

    private static int NewSize(int length, long needed)
    {
        if (needed <= length) return length;
        var size = (long)length;
        while (size < needed) size *= 2;
        return (int)Math.Min(size, Array.MaxLength);
    }

    private void Grow(int keyLength, int valueLength)
    {
        if (_keys.Length - _keysUsed < keyLength) Array.Resize(ref _keys, NewSize(_keys.Length, (long)_keysUsed + keyLength));
        if (_values.Length - _valuesUsed < valueLength) Array.Resize(ref _values, NewSize(_values.Length, (long)_valuesUsed + valueLength));
        if (_entries >= _keyStart.Length)
        {
            var size = _keyStart.Length * 2;
            Array.Resize(ref _keyStart, size);
            Array.Resize(ref _keyLength, size);
            Array.Resize(ref _hash, size);
            Array.Resize(ref _partition, size);
            Array.Resize(ref _head, size);
            Array.Resize(ref _tail, size);
        }
        if (_valueCount >= _valueStart.Length)
        {
            var size = _valueStart.Length * 2;
            Array.Resize(ref _valueStart, size);
            Array.Resize(ref _valueLength, size);
            Array.Resize(ref _next, size);
        }
        if ((_entries + 1) * 2 > _buckets.Length) Rehash(_buckets.Length * 2);
    }

    private static int Mix(int hash) => (int)((uint)hash * 0x9E3779B1u >> 7) ^ hash;

    private int FindOrAdd(ReadOnlySpan<byte> key, int javaHash, int partition)
    {
        var mask = _buckets.Length - 1;
        var slot = Mix(javaHash) & mask;
        while (true)
        {
            var found = _buckets[slot] - 1;
            if (found < 0) break;
            if (_hash[found] == javaHash && key.SequenceEqual(_keys.AsSpan(_keyStart[found], _keyLength[found]))) return found;
            slot = (slot + 1) & mask;
        }
        var entry = _entries++;
        _keyStart[entry] = _keysUsed;
        _keyLength[entry] = key.Length;
        key.CopyTo(_keys.AsSpan(_keysUsed));
        _keysUsed += key.Length;
        _hash[entry] = javaHash;
        _partition[entry] = partition;
        _head[entry] = -1;
        _buckets[slot] = entry + 1;
        return entry;
    }

    private void Rehash(int size)
    {
        _buckets = new int[size];
        var mask = size - 1;
        for (var entry = 0; entry < _entries; entry++)
        {
            var slot = Mix(_hash[entry]) & mask;
            while (_buckets[slot] != 0) slot = (slot + 1) & mask;
            _buckets[slot] = entry + 1;
        }
    }

    private void Spill()
    {
        var order = new int[_entries];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        order.AsSpan().Sort(new EntryOrder(this));
        using var writer = _newSpill();
        var at = 0;
        for (var partition = 0; partition < _partitions; partition++)
        {
            writer.StartPartition(partition);
            var end = at;
            while (end < order.Length && _partition[order[end]] == partition) end++;
            if (end == at) continue;
            var source = new Grouped(this, order, at, end);
            if (_combine is null)
            {
                while (source.Next(out var key, out var value)) writer.Add(key, value);
            }
            else
            {
                var counting = new CountingSink(writer);
                _combine(source, counting);
                CombineInputRecords += source.Handed;
                CombineOutputRecords += counting.Count;
            }
            at = end;
        }
        _runs.Add(writer.Complete());
        SpilledRecords += writer.Records;
        _keysUsed = _valuesUsed = _entries = _valueCount = 0;
        Array.Clear(_buckets);
    }

    private readonly struct EntryOrder(MapOutputBuffer buffer) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byPartition = buffer._partition[x].CompareTo(buffer._partition[y]);
            if (byPartition != 0) return byPartition;
            return buffer._keys.AsSpan(buffer._keyStart[x], buffer._keyLength[x])
                .SequenceCompareTo(buffer._keys.AsSpan(buffer._keyStart[y], buffer._keyLength[y]));
        }
    }

    /// <summary>One partition's pairs in sorted key order, each key's values in arrival order.</summary>
    private sealed class Grouped(MapOutputBuffer buffer, int[] order, int start, int end) : IPairSource
    {
        private int _at = start - 1;
        private int _value = -1;

        public long Handed { get; private set; }

        public bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
        {
            if (_value >= 0) _value = buffer._next[_value];
            while (_value < 0)
            {
                if (++_at >= end)
                {
                    key = value = default;
                    return false;
                }
                _value = buffer._head[order[_at]];
            }
            var entry = order[_at];
            key = buffer._keys.AsSpan(buffer._keyStart[entry], buffer._keyLength[entry]);
            value = buffer._values.AsSpan(buffer._valueStart[_value], buffer._valueLength[_value]);
            Handed++;
            return true;
        }
    }

    private sealed class CountingSink(IPairSink inner) : IPairSink
    {
        public long Count { get; private set; }

        public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            Count++;
            inner.Add(key, value);
        }
    }
}
