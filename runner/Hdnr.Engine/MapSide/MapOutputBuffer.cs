// Map side: a map task, and the buffer that partitions and sorts its output.
using System.Runtime.CompilerServices;
using Hdnr.Engine.Spill;
using Hdnr.Formats.Shuffle;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.MapSide;

/// <summary>A map task's output buffer (Hadoop's MapOutputBuffer): gives each pair its reduce task by the job's partitioner, keeps it until the buffer is full, then spills it sorted by partition and the job's key order, through the combiner if there is one.</summary>
/// <remarks>
/// Pairs are grouped by key as they arrive (a hash table over the key bytes), values of a key in arrival order, and
/// each pair's key is noted in arrival order. A spill starts where Hadoop's would (<see cref="SpillAccounting"/>).
/// Hadoop sorts every pair with its unstable quicksort, so a key's values leave a spill in an order that depends on
/// every pair in it. When each group of equal keys holds one key whose values are all the same bytes, that order
/// cannot be seen and the spill sorts only distinct keys; otherwise it replays Hadoop's sort (<see cref="SpillSort"/>)
/// over the noted arrivals, so the spill holds Hadoop's sequence. The combiner runs once per partition per spill, as
/// Hadoop's sortAndSpill calls it. The memory held (all arrays, by capacity) stays under twice the sort buffer; a
/// map output of many distinct small keys, which needs more, spills earlier than Hadoop's.
/// </remarks>
internal sealed class MapOutputBuffer : IPairSink
{
    private const int EntryBytes = 32;
    private const int BlockHeader = 8;
    private const int FirstBlock = 16;
    private const int LargestBlock = 1 << 16;

    private readonly int _partitions;
    private readonly Partitioner _partitioner;
    private readonly KeyOrder _order;
    private readonly long _limit;
    private readonly SpillAccounting _accounting;
    private readonly bool _text;
    private readonly long _spillCheck;
    // Where Hadoop keeps the pending pairs in its buffer, and the held bytes (with the next pair's) from which a pair
    // must be looked at closer: it may start a spill or reach the buffer's end.
    private SpillRegion _region = SpillRegion.First;
    private long _alarm;
    // Hadoop's bytes of the pending pairs; the counters of spilled ones are summed once per spill, not per pair.
    private long _hadoopHeld;
    private long _spilledPairs;
    private long _spilledBytes;
    private readonly Func<SpillWriter> _newSpill;
    private readonly Action<IPairSource, IPairSink>? _combine;

    private byte[] _keys = new byte[1 << 16];
    private int _keysUsed;

    // Values live in blocks per key, [int next block][int bytes used][vint length, bytes]..., so a
    // key's values are read back nearly sequentially; each block is twice its predecessor, up to 64 KiB.
    private byte[] _blocks = new byte[1 << 18];
    private int _blocksUsed;

    // One entry per distinct key, all its fields in one place: a pair touches one cache line of them.
    private Entry[] _entries = new Entry[1 << 12];

    // The entry of each pending pair, in arrival order: what replaying Hadoop's sort needs.
    private int[] _arrivals = new int[1 << 12];
    private int _count;
    private long _pending;

    // Open addressing; a bucket holds the key's hash (high half) and its entry + 1 (low half), so a probe compares
    // hashes without touching the entries.
    private ulong[] _buckets = new ulong[1 << 13];

    private readonly List<SpillRun> _runs = [];

    private struct Entry
    {
        public int KeyStart;
        public int KeyLength;
        public int Hash;
        public int Partition;
        public int FirstBlock;
        public int LastBlock;
        // The last block's fill and size live with the entry (hot) and reach the block's header when it is sealed.
        public int LastUsed;
        public int LastCapacity;
    }

    public MapOutputBuffer(int partitions, Partitioner partitioner, KeyOrder order, SpillAccounting accounting, Func<SpillWriter> newSpill, Action<IPairSource, IPairSink>? combine)
    {
        _partitions = partitions;
        _partitioner = partitioner;
        _order = order;
        _accounting = accounting;
        _text = accounting.Io == WireFormat.Text;
        _spillCheck = accounting.SpillCheckBytes;
        _alarm = _spillCheck;
        _limit = Math.Max(2 * accounting.BufferBytes, 1 << 20);
        _newSpill = newSpill;
        _combine = combine;
        if (t_spare is { } spare && spare.Held <= _limit)
        {
            // The previous task's arrays on this thread: grown already, and no new large objects for the collector.
            (_keys, _blocks, _entries, _buckets, _arrivals) = (spare.Keys, spare.Blocks, spare.Entries, spare.Buckets, spare.Arrivals);
        }
        t_spare = null;
    }

    [ThreadStatic]
    private static Arrays? t_spare;

    private sealed record Arrays(byte[] Keys, byte[] Blocks, Entry[] Entries, ulong[] Buckets, int[] Arrivals, long Held);

    /// <summary>Leaves the arrays to the next task on this thread; call it after <see cref="Flush"/>, when the buffer is empty.</summary>
    public void Release()
    {
        if (_pending > 0 || _count > 0) return;
        t_spare = new Arrays(_keys, _blocks, _entries, _buckets, _arrivals, Held);
    }

    /// <summary>The spills written so far.</summary>
    public IReadOnlyList<SpillRun> Runs => _runs;

    /// <summary>Pairs collected (Hadoop's "Map output records").</summary>
    public long Records => _spilledPairs + _pending;

    /// <summary>Key and value bytes collected as Hadoop serializes them (Hadoop's "Map output bytes").</summary>
    public long Bytes => _spilledBytes + _hadoopHeld - (SpillAccounting.MetaBytes * _pending);

    /// <summary>Pairs written to spill files (Hadoop's "Spilled Records").</summary>
    public long SpilledRecords { get; private set; }

    /// <summary>Pairs the combiner read (Hadoop's "Combine input records").</summary>
    public long CombineInputRecords { get; private set; }

    /// <summary>Pairs the combiner wrote (Hadoop's "Combine output records").</summary>
    public long CombineOutputRecords { get; private set; }

    private long Held => (long)_keys.Length + _blocks.Length + ((long)_entries.Length * EntryBytes) + (_buckets.Length * 8L) + (_arrivals.Length * 4L);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        // Text with short key and value, the common pair, costs 16 bytes of metadata and one vint byte each.
        var pairBytes = _text && (key.Length | value.Length) < 0x80 ? 18 + key.Length + value.Length : _accounting.PairBytes(key.Length, value.Length);
        // One comparison per pair: below the alarm no pair can start a spill or reach the buffer's end.
        if (_hadoopHeld + pairBytes >= _alarm) Checkpoint(key.Length, pairBytes);
        // Room for the key, a first block, and a new block the value alone fills: then no step below runs out.
        var keyRoom = key.Length;
        var blockRoom = (long)BlockHeader + FirstBlock + BlockHeader + LargestBlock + 5 + value.Length;
        if (!HasRoom(keyRoom, blockRoom) && !Fits(keyRoom, blockRoom))
        {
            Spill();
            Grow(keyRoom, blockRoom);
        }
        _hadoopHeld += pairBytes;
        var index = FindOrAdd(key);
        ref var entry = ref _entries[index];
        _arrivals[_pending] = index;
        var block = entry.LastBlock;
        var used = entry.LastUsed;
        var needed = (value.Length < 0x80 ? 1 : VarIntLength(value.Length)) + value.Length;
        if (entry.LastCapacity - used < needed)
        {
            var capacity = Math.Max(Math.Min(entry.LastCapacity * 2, LargestBlock), needed);
            var next = NewBlock(capacity);
            Write(block, next);
            Write(block + 4, used);
            entry.LastBlock = block = next;
            entry.LastCapacity = capacity;
            used = 0;
        }
        var span = _blocks.AsSpan(block + BlockHeader + used, needed);
        var n = value.Length < 0x80 ? WriteSmall(span, (byte)value.Length) : VarInt.Write(span, value.Length);
        value.CopyTo(span[n..]);
        entry.LastUsed = used + needed;
        _pending++;
    }

    // Whether Hadoop spills before this pair (counting what its buffer loses to the region's alignment and a wrapped
    // key), and whether this pair reaches the end of Hadoop's buffer; then the next alarm.
    private void Checkpoint(int keyLength, int pairBytes)
    {
        var used = _hadoopHeld + _region.Extra;
        if (_pending > 0 && _accounting.SpillsBefore(used, pairBytes)) Spill(_accounting.ReachesSoftLimit(used));
        var buffer = _accounting.BufferBytes;
        var serialized = _hadoopHeld - (SpillAccounting.MetaBytes * _pending);
        var pairSerialized = pairBytes - SpillAccounting.MetaBytes;
        _region = _region.After(serialized, _accounting.KeyBytes(keyLength), pairSerialized, buffer);
        // Held bytes grow at least as fast as serialized ones, so no pair reaches the end before held bytes grow by
        // what is left to it.
        var toEnd = _region.Wrapped ? long.MaxValue : _region.ToEnd(buffer) - serialized - pairSerialized;
        _alarm = Math.Min(_spillCheck - _region.Extra, toEnd == long.MaxValue ? long.MaxValue : _hadoopHeld + pairBytes + toEnd + 1);
    }

    /// <summary>Spills what is left; the task's output is then <see cref="Runs"/>.</summary>
    public void Flush()
    {
        if (_pending > 0 || _runs.Count == 0) Spill();
    }

    // The value whose vint length starts at <paramref name="at"/> in the blocks.
    private ReadOnlySpan<byte> ValueAt(int at)
    {
        int length = _blocks[at];
        if (length < 0x80) return new ReadOnlySpan<byte>(_blocks, at + 1, length);
        var n = VarInt.Read(_blocks.AsSpan(at), out length);
        return new ReadOnlySpan<byte>(_blocks, at + n, length);
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

    // Whether one more pair surely fits in the arrays once they grow within the limit; grows them if so.
    private bool Fits(int keyRoom, long blockRoom)
    {
        var keys = NewSize(_keys.Length, _keysUsed + keyRoom);
        var blocks = NewSize(_blocks.Length, _blocksUsed + blockRoom);
        var entries = _count + 1 > _entries.Length ? _entries.Length * 2 : _entries.Length;
        var buckets = (_count + 1) * 2 > _buckets.Length ? _buckets.Length * 2 : _buckets.Length;
        var arrivals = _pending + 1 > _arrivals.Length ? _arrivals.Length * 2 : _arrivals.Length;
        var after = (long)keys + blocks + ((long)entries * EntryBytes) + (buckets * 8L) + (arrivals * 4L);
        if (after > _limit && _pending > 0) return false;
        Grow(keyRoom, blockRoom);
        return true;
    }

    private bool HasRoom(int keyRoom, long blockRoom) =>
        _keys.Length - _keysUsed >= keyRoom && _blocks.Length - _blocksUsed >= blockRoom
        && _count < _entries.Length && (_count + 1) * 2 <= _buckets.Length && _pending < _arrivals.Length;

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
        if (_count >= _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
        if ((_count + 1) * 2 > _buckets.Length) Rehash(_buckets.Length * 2);
        if (_pending >= _arrivals.Length) Array.Resize(ref _arrivals, _arrivals.Length * 2);
    }

    private static int Slot(int hash, int mask) => ((int)((uint)hash * 0x9E3779B1u >> 7) ^ hash) & mask;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindOrAdd(ReadOnlySpan<byte> key)
    {
        // Hadoop's hash of the key spreads words well enough for the table.
        var hash = HashPartitioner.HashBytes(key);
        var mask = _buckets.Length - 1;
        var slot = Slot(hash, mask);
        var tag = (ulong)(uint)hash << 32;
        while (true)
        {
            var bucket = _buckets[slot];
            if (bucket == 0) break;
            if ((bucket & 0xFFFFFFFF00000000UL) == tag)
            {
                var candidate = (int)(uint)bucket - 1;
                ref var found = ref _entries[candidate];
                if (key.SequenceEqual(_keys.AsSpan(found.KeyStart, found.KeyLength))) return candidate;
            }
            slot = (slot + 1) & mask;
        }
        var index = _count++;
        ref var entry = ref _entries[index];
        entry.KeyStart = _keysUsed;
        entry.KeyLength = key.Length;
        key.CopyTo(_keys.AsSpan(_keysUsed));
        _keysUsed += key.Length;
        entry.Hash = hash;
        entry.Partition = _partitions == 1 ? 0 : _partitioner.Partition(key, _partitions);
        entry.FirstBlock = entry.LastBlock = NewBlock(FirstBlock);
        entry.LastUsed = 0;
        entry.LastCapacity = FirstBlock;
        _buckets[slot] = tag | (uint)(index + 1);
        return index;
    }

    private void Rehash(int size)
    {
        _buckets = new ulong[size];
        var mask = size - 1;
        for (var index = 0; index < _count; index++)
        {
            var hash = _entries[index].Hash;
            var slot = Slot(hash, mask);
            while (_buckets[slot] != 0) slot = (slot + 1) & mask;
            _buckets[slot] = ((ulong)(uint)hash << 32) | (uint)(index + 1);
        }
    }

    // softLimit false: the spill starts because a pair does not fit, and Hadoop puts the next spill's pairs from that
    // pair on rather than past a gap. (At the map's end the next region is never used; after a spill for launch-local's
    // own memory the spills are no longer Hadoop's, as the README says.)
    private void Spill(bool softLimit = true)
    {
        var position = _region.Position(_hadoopHeld - (SpillAccounting.MetaBytes * _pending), _accounting.BufferBytes);
        _region = softLimit
            ? SpillRegion.AfterSoftLimit(position, _hadoopHeld + SpillAccounting.MetaBytes + _region.Extra, Bytes, Records, _accounting.BufferBytes)
            : SpillRegion.AtPair(position);
        _alarm = Math.Min(_spillCheck - _region.Extra, _region.ToEnd(_accounting.BufferBytes) + 1);
        for (var index = 0; index < _count; index++) Write(_entries[index].LastBlock + 4, _entries[index].LastUsed);
        var order = new int[_count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        order.AsSpan().Sort(new EntryOrder(this));
        var replayed = HadoopOrder(order);
        using var writer = _newSpill();
        var at = 0;
        for (var partition = 0; partition < _partitions; partition++)
        {
            writer.StartPartition(partition);
            var end = at;
            if (replayed is null) while (end < order.Length && _entries[order[end]].Partition == partition) end++;
            else while (end < replayed.Pairs.Length && _entries[_arrivals[replayed.Pairs[end]]].Partition == partition) end++;
            if (end == at) continue;
            SpillSource source = replayed is null ? new Grouped(this, order, at, end) : new Replayed(this, replayed, at, end);
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
        _keysUsed = _blocksUsed = _count = 0;
        _spilledPairs += _pending;
        _spilledBytes += _hadoopHeld - (SpillAccounting.MetaBytes * _pending);
        _pending = 0;
        _hadoopHeld = 0;
        Array.Clear(_buckets);
    }

    /// <summary>The pending pairs in the order Hadoop's spill sort leaves them, and where each one's value is.</summary>
    private sealed record SpillReplay(int[] Pairs, int[] ValueAt);

    // Null when no group of equal keys can show its order: one key per group, and its values all the same bytes.
    private SpillReplay? HadoopOrder(int[] order)
    {
        var rank = new int[_count];
        var seen = false;
        var group = 0;
        for (var i = 0; i < order.Length; i++)
        {
            ref var entry = ref _entries[order[i]];
            if (i > 0)
            {
                ref var previous = ref _entries[order[i - 1]];
                var equal = previous.Partition == entry.Partition
                    && _order.Compare(_keys.AsSpan(previous.KeyStart, previous.KeyLength), _keys.AsSpan(entry.KeyStart, entry.KeyLength)) == 0;
                if (equal) seen = true;
                else group++;
            }
            seen = seen || HasOtherValues(order[i]);
            rank[order[i]] = group;
        }
        if (!seen) return null;

        // Hadoop's metadata grows downwards from the buffer's end, so its sort starts from the pairs in reverse arrival order.
        var pending = (int)_pending;
        var pairs = new int[pending];
        for (var k = 0; k < pending; k++) pairs[k] = pending - 1 - k;
        var sortable = new ArrivalSortable(pairs, _arrivals, rank);
        SpillSort.Sort(ref sortable, 0, pending);

        // The n-th arrival of a key holds the key's n-th value: walk each key's blocks once.
        var first = new int[_count + 1];
        for (var i = 0; i < pending; i++) first[_arrivals[i] + 1]++;
        for (var e = 0; e < _count; e++) first[e + 1] += first[e];
        var byKey = new int[pending];
        var next = (int[])first.Clone();
        for (var i = 0; i < pending; i++) byKey[next[_arrivals[i]]++] = i;
        var valueAt = new int[pending];
        for (var e = 0; e < _count; e++)
        {
            var slot = first[e];
            for (var block = _entries[e].FirstBlock; block >= 0; block = Read(block))
            {
                var used = Read(block + 4);
                for (var at = block + BlockHeader; at < block + BlockHeader + used; slot++)
                {
                    valueAt[byKey[slot]] = at;
                    at += ValueBytes(at);
                }
            }
        }
        return new SpillReplay(pairs, valueAt);
    }

    // Whether a value of the key differs from its first one, so the order of its values can be seen.
    private bool HasOtherValues(int index)
    {
        ref var entry = ref _entries[index];
        var first = ValueAt(entry.FirstBlock + BlockHeader);
        for (var block = entry.FirstBlock; block >= 0; block = Read(block))
        {
            var end = block + BlockHeader + Read(block + 4);
            for (var at = block + BlockHeader; at < end; at += ValueBytes(at))
                if (!ValueAt(at).SequenceEqual(first)) return true;
        }
        return false;
    }

    // The bytes of the value whose vint length starts at <paramref name="at"/>, the vint included.
    private int ValueBytes(int at)
    {
        int length = _blocks[at];
        if (length < 0x80) return 1 + length;
        return VarInt.Read(_blocks.AsSpan(at), out length) + length;
    }

    private readonly struct ArrivalSortable(int[] pairs, int[] arrivals, int[] rank) : IIndexedSortable
    {
        public int Compare(int i, int j) => rank[arrivals[pairs[i]]].CompareTo(rank[arrivals[pairs[j]]]);

        public void Swap(int i, int j) => (pairs[i], pairs[j]) = (pairs[j], pairs[i]);
    }

    /// <summary>One partition's pairs in the order Hadoop's spill sort left them.</summary>
    private sealed class Replayed(MapOutputBuffer buffer, SpillReplay replay, int start, int end) : SpillSource
    {
        private int _at = start - 1;

        public override bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
        {
            if (++_at >= end)
            {
                key = value = default;
                return false;
            }
            var pair = replay.Pairs[_at];
            var index = buffer._arrivals[pair];
            KeyRepeats = _at > start && buffer._arrivals[replay.Pairs[_at - 1]] == index;
            ref var entry = ref buffer._entries[index];
            key = new ReadOnlySpan<byte>(buffer._keys, entry.KeyStart, entry.KeyLength);
            value = buffer.ValueAt(replay.ValueAt[pair]);
            Handed++;
            return true;
        }
    }

    private readonly struct EntryOrder(MapOutputBuffer buffer) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            ref var a = ref buffer._entries[x];
            ref var b = ref buffer._entries[y];
            var byPartition = a.Partition.CompareTo(b.Partition);
            if (byPartition != 0) return byPartition;
            var byKey = buffer._order.Compare(buffer._keys.AsSpan(a.KeyStart, a.KeyLength), buffer._keys.AsSpan(b.KeyStart, b.KeyLength));
            // Distinct keys that compare equal (only a key field comparator makes them) come later-first: Hadoop's
            // spill sort walks its metadata, written backwards, with an insertion sort on short ranges.
            return byKey != 0 ? byKey : y.CompareTo(x);
        }
    }

    /// <summary>One partition's pairs of a spill, in the order the spill holds them.</summary>
    private abstract class SpillSource : IGroupedPairSource
    {
        /// <summary>Pairs handed out (what the combiner read).</summary>
        public long Handed { get; protected set; }

        public bool KeyRepeats { get; protected set; }

        public abstract bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value);
    }

    /// <summary>One partition's pairs in sorted key order, each key's values in arrival order.</summary>
    private sealed class Grouped(MapOutputBuffer buffer, int[] order, int start, int end) : SpillSource
    {
        private readonly byte[] _blocks = buffer._blocks;
        private int _at = start - 1;
        private int _block = -1;
        private int _read;
        private int _used;
        private int _keyStart;
        private int _keyLength;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
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
                    ref var entry = ref buffer._entries[order[_at]];
                    _block = entry.FirstBlock;
                    _keyStart = entry.KeyStart;
                    _keyLength = entry.KeyLength;
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
