using System.Runtime.CompilerServices;
using Hdnr.Runtime.Shuffle;
using Hdnr.Runtime.Tasks;

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
    private const int EntryBytes = 32;
    private const int BlockHeader = 8;
    private const int FirstBlock = 16;
    private const int LargestBlock = 1 << 16;

    private readonly int _partitions;
    private readonly long _limit;
    private readonly Func<SpillWriter> _newSpill;
    private readonly Action<IPairSource, IPairSink>? _combine;

    private byte[] _keys = new byte[1 << 16];
    private int _keysUsed;

    // Values live in blocks per key, [int next block][int bytes used][vint length, bytes]..., so a
    // key's values are read back nearly sequentially; each block is twice its predecessor, up to 64 KiB.
    private byte[] _blocks = new byte[1 << 18];
    private int _blocksUsed;

    // Entries: one per distinct key.
    private int[] _keyStart = new int[1 << 12];
    private int[] _keyLength = new int[1 << 12];
    private int[] _hash = new int[1 << 12];
    private int[] _partition = new int[1 << 12];
    private int[] _firstBlock = new int[1 << 12];
    private int[] _lastBlock = new int[1 << 12];
    // The last block's fill and size live with the entry (hot) and reach the block's header when it is sealed.
    private int[] _lastUsed = new int[1 << 12];
    private int[] _lastCapacity = new int[1 << 12];
    private int _entries;
    private long _pending;

    private int[] _buckets = new int[1 << 13];

    private readonly List<SpillRun> _runs = [];

    public MapOutputBuffer(int partitions, long limitBytes, Func<SpillWriter> newSpill, Action<IPairSource, IPairSink>? combine)
    {
        _partitions = partitions;
        _limit = Math.Max(limitBytes, 1 << 20);
        _newSpill = newSpill;
        _combine = combine;
        if (t_spare is { } spare && spare.Held <= _limit)
        {
            // The previous task's arrays on this thread: grown already, and no new large objects for the collector.
            (_keys, _blocks, _keyStart, _keyLength, _hash, _partition, _firstBlock, _lastBlock, _lastUsed, _lastCapacity, _buckets) =
                (spare.Keys, spare.Blocks, spare.KeyStart, spare.KeyLength, spare.Hash, spare.Partition, spare.FirstBlock, spare.LastBlock, spare.LastUsed, spare.LastCapacity, spare.Buckets);
        }
        t_spare = null;
    }

    [ThreadStatic]
    private static Arrays? t_spare;

    private sealed record Arrays(byte[] Keys, byte[] Blocks, int[] KeyStart, int[] KeyLength, int[] Hash, int[] Partition,
        int[] FirstBlock, int[] LastBlock, int[] LastUsed, int[] LastCapacity, int[] Buckets, long Held);

    /// <summary>Leaves the arrays to the next task on this thread; call it after <see cref="Flush"/>, when the buffer is empty.</summary>
    public void Release()
    {
        if (_pending > 0 || _entries > 0) return;
        t_spare = new Arrays(_keys, _blocks, _keyStart, _keyLength, _hash, _partition, _firstBlock, _lastBlock, _lastUsed, _lastCapacity, _buckets, Held);
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

    private long Held => (long)_keys.Length + _blocks.Length + ((long)_keyStart.Length * EntryBytes) + (_buckets.Length * 4L);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Records++;
        Bytes += key.Length + value.Length;
        var javaHash = HashPartitioner.HashBytes(key);
        var partition = _partitions == 1 ? 0 : (javaHash & int.MaxValue) % _partitions;
        // Room for the key, a first block, and a new block the value alone fills: then no step below runs out.
        var keyRoom = key.Length;
        var blockRoom = (long)BlockHeader + FirstBlock + BlockHeader + LargestBlock + 5 + value.Length;
        if (!Fits(keyRoom, blockRoom))
        {
            Spill();
            Grow(keyRoom, blockRoom);
        }
        var entry = FindOrAdd(key, javaHash, partition);
        var block = _lastBlock[entry];
        var used = _lastUsed[entry];
        var capacity = _lastCapacity[entry];
        var needed = VarIntLength(value.Length) + value.Length;
        if (capacity - used < needed)
        {
            capacity = Math.Max(Math.Min(capacity * 2, LargestBlock), needed);
            var next = NewBlock(capacity);
            Write(block, next);
            Write(block + 4, used);
            _lastBlock[entry] = block = next;
            _lastCapacity[entry] = capacity;
            used = 0;
        }
        var at = block + BlockHeader + used;
        var span = _blocks.AsSpan(at, needed);
        var n = value.Length < 0x80 ? WriteSmall(span, (byte)value.Length) : VarInt.Write(span, value.Length);
        value.CopyTo(span[n..]);
        _lastUsed[entry] = used + n + value.Length;
        _pending++;
    }

    /// <summary>Spills what is left; the task's output is then <see cref="Runs"/>.</summary>
    public void Flush()
    {
        if (_pending > 0 || _runs.Count == 0) Spill();
    }

    private int Read(int at) => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_blocks.AsSpan(at));

    private void Write(int at, int value) => System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_blocks.AsSpan(at), value);

    private static int VarIntLength(int value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;

    private static int WriteSmall(Span<byte> span, byte length)
    {
        span[0] = length;
        return 1;
    }

    private int NewBlock(int capacity)
    {
        var block = _blocksUsed;
        _blocksUsed += BlockHeader + capacity;
        Write(block, -1);
        return block;
    }

    // Whether one more pair surely fits in the arrays, growing them within the limit if not.
    private bool Fits(int keyRoom, long blockRoom)
    {
        if (HasRoom(keyRoom, blockRoom)) return true;
        var keys = NewSize(_keys.Length, _keysUsed + keyRoom);
        var blocks = NewSize(_blocks.Length, _blocksUsed + blockRoom);
        var entries = _entries + 1 > _keyStart.Length ? _keyStart.Length * 2 : _keyStart.Length;
        var buckets = (_entries + 1) * 2 > _buckets.Length ? _buckets.Length * 2 : _buckets.Length;
        var after = (long)keys + blocks + ((long)entries * EntryBytes) + (buckets * 4L);
        if (after > _limit && _pending > 0) return false;
        Grow(keyRoom, blockRoom);
        return true;
    }

    private bool HasRoom(int keyRoom, long blockRoom) =>
        _keys.Length - _keysUsed >= keyRoom && _blocks.Length - _blocksUsed >= blockRoom
        && _entries < _keyStart.Length && (_entries + 1) * 2 <= _buckets.Length;

    private static int NewSize(int length, long needed)
    {
        if (needed <= length) return length;
        var size = (long)length;
        while (size < needed) size *= 2;
        return (int)Math.Min(size, Array.MaxLength);
    }

    private void Grow(int keyRoom, long blockRoom)
    {
        if (_keys.Length - _keysUsed < keyRoom) Array.Resize(ref _keys, NewSize(_keys.Length, (long)_keysUsed + keyRoom));
        if (_blocks.Length - _blocksUsed < blockRoom) Array.Resize(ref _blocks, NewSize(_blocks.Length, _blocksUsed + blockRoom));
        if (_entries >= _keyStart.Length)
        {
            var size = _keyStart.Length * 2;
            Array.Resize(ref _keyStart, size);
            Array.Resize(ref _keyLength, size);
            Array.Resize(ref _hash, size);
            Array.Resize(ref _partition, size);
            Array.Resize(ref _firstBlock, size);
            Array.Resize(ref _lastBlock, size);
            Array.Resize(ref _lastUsed, size);
            Array.Resize(ref _lastCapacity, size);
        }
        if ((_entries + 1) * 2 > _buckets.Length) Rehash(_buckets.Length * 2);
    }

    private static int Mix(int hash) => (int)((uint)hash * 0x9E3779B1u >> 7) ^ hash;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        _firstBlock[entry] = _lastBlock[entry] = NewBlock(FirstBlock);
        _lastUsed[entry] = 0;
        _lastCapacity[entry] = FirstBlock;
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
        for (var entry = 0; entry < _entries; entry++) Write(_lastBlock[entry] + 4, _lastUsed[entry]);
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
                CombineOutputRecords += counting.Records;
            }
            at = end;
        }
        _runs.Add(writer.Complete());
        SpilledRecords += writer.Records;
        _keysUsed = _blocksUsed = _entries = 0;
        _pending = 0;
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
    private sealed class Grouped(MapOutputBuffer buffer, int[] order, int start, int end) : IGroupedPairSource
    {
        private readonly byte[] _blocks = buffer._blocks;
        private int _at = start - 1;
        private int _block = -1;
        private int _read;
        private int _used;
        private int _keyStart;
        private int _keyLength;

        public long Handed { get; private set; }

        public bool KeyRepeats { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
        {
            KeyRepeats = true;
            while (_read >= _used)
            {
                if (_block >= 0 && buffer.Read(_block) >= 0) _block = buffer.Read(_block);
                else if (++_at >= end)
                {
                    key = value = default;
                    return false;
                }
                else
                {
                    KeyRepeats = false;
                    var entry = order[_at];
                    _block = buffer._firstBlock[entry];
                    _keyStart = buffer._keyStart[entry];
                    _keyLength = buffer._keyLength[entry];
                }
                _read = 0;
                _used = buffer.Read(_block + 4);
            }
            var at = _block + BlockHeader + _read;
            int length = _blocks[at];
            int n;
            if (length < 0x80) n = 1;
            else n = VarInt.Read(_blocks.AsSpan(at, _used - _read), out length);
            value = new ReadOnlySpan<byte>(_blocks, at + n, length);
            _read += n + length;
            key = new ReadOnlySpan<byte>(buffer._keys, _keyStart, _keyLength);
            Handed++;
            return true;
        }
    }
}
