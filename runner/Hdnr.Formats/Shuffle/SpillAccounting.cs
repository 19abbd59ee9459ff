using Hdnr.Runtime.Wire;

namespace Hdnr.Formats.Shuffle;

/// <summary>How Hadoop's map output buffer counts a pair against its sort buffer, and when it starts a spill (MapTask.MapOutputBuffer).</summary>
/// <remarks>
/// Each pair costs 16 bytes of metadata and its key and value as Hadoop serializes them: Text (text and keyonlytext io)
/// with a vint length, BytesWritable (typedbytes, rawbytes) with a 4-byte length, NullWritable (keyonlytext's value)
/// nothing. Before a pair is collected, Hadoop spills the pairs it holds once they, with the metadata slot of the next
/// pair, reach the soft limit (<c>mapreduce.task.io.sort.mb</c> MiB times <c>mapreduce.map.sort.spill.percent</c>), or
/// when the next pair would not fit in the buffer at all.
/// </remarks>
public sealed record SpillAccounting(long BufferBytes, long SoftLimit, WireFormat Io)
{
    /// <summary>The metadata Hadoop keeps per pair: partition, key start, value start, value length.</summary>
    public const int MetaBytes = 16;

    /// <summary>The accounting of a buffer of <paramref name="sortMb"/> MiB that spills at <paramref name="spillPercent"/> of it, for pairs of <paramref name="io"/>.</summary>
    public static SpillAccounting For(int sortMb, float spillPercent, WireFormat io)
    {
        // Hadoop rounds the buffer down to whole metadata slots and computes the limit in float, as here.
        var buffer = (sortMb << 20) - ((sortMb << 20) % MetaBytes);
        return new SpillAccounting(buffer, (int)(buffer * spillPercent), io);
    }

    /// <summary>The bytes a pair with a key of <paramref name="keyLength"/> and a value of <paramref name="valueLength"/> bytes takes in the buffer, metadata included.</summary>
    public int PairBytes(int keyLength, int valueLength) => MetaBytes + Serialized(keyLength) + (Io == WireFormat.KeyOnlyText ? 0 : Serialized(valueLength));

    /// <summary>Whether Hadoop spills the <paramref name="held"/> bytes of pairs it holds (<see cref="PairBytes"/> summed) before collecting a pair of <paramref name="next"/> bytes.</summary>
    public bool SpillsBefore(long held, int next) => held > 0 && (ReachesSoftLimit(held) || held + next + (2 * MetaBytes) >= BufferBytes);

    /// <summary>Whether <paramref name="held"/> bytes, with the next pair's metadata, reach the soft limit (else a spill is for a pair that does not fit).</summary>
    public bool ReachesSoftLimit(long held) => held + MetaBytes >= SoftLimit;

    /// <summary>The bytes of a key of <paramref name="keyLength"/> bytes as Hadoop serializes it into the buffer.</summary>
    public int KeyBytes(int keyLength) => Serialized(keyLength);

    /// <summary>Held bytes plus the next pair's below which <see cref="SpillsBefore"/> is surely false, so a caller can skip asking it.</summary>
    public long SpillCheckBytes => Math.Min(SoftLimit - MetaBytes, BufferBytes - (2 * MetaBytes));

    /// <summary>The bytes of a pair in a spill's IFile segment: its serialized key and value, each after a vint of its length.</summary>
    public int SegmentRecordBytes(int keyLength, int valueLength)
    {
        var key = Serialized(keyLength);
        var value = Io == WireFormat.KeyOnlyText ? 0 : Serialized(valueLength);
        return VIntBytes(key) + VIntBytes(value) + key + value;
    }

    /// <summary>What ends every IFile segment: two end-of-file vints and a 4-byte checksum.</summary>
    public const int SegmentEndBytes = 6;

    private int Serialized(int length) => Io is WireFormat.TypedBytes or WireFormat.RawBytes ? 4 + length : VIntBytes(length) + length;

    // Hadoop's WritableUtils.getVIntSize for a length (never negative).
    private static int VIntBytes(int length) => length < 128 ? 1 : length < 1 << 8 ? 2 : length < 1 << 16 ? 3 : length < 1 << 24 ? 4 : 5;
}
