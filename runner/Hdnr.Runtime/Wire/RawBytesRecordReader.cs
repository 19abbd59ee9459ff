using System.Buffers.Binary;

namespace Hdnr.Runtime.Wire;

/// <summary>Reads rawbytes records as Hadoop's RawBytesOutputReader does: a key and a value, each a 4-byte big-endian length and that many bytes.</summary>
internal sealed class RawBytesRecordReader(Stream input, int size = 1 << 20) : FramedPairReader(input, size)
{
    protected override int Header => 4;

    protected override int Measure(ReadOnlySpan<byte> pending, int at, string role)
    {
        if (pending.Length - at >= 4)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(pending[at..]);
            if (length < 0)
                throw new InvalidDataException($"rawbytes input: the {role} of record {Record + 1} at byte offset {BufferOffset + Start + at} has a negative length ({length})");
            if (length <= Array.MaxLength - 8 - at && pending.Length - at - 4 >= length) return 4 + length;
        }
        if (Eof) throw new InvalidDataException("rawbytes input: " + EndedEarly(pending, at, role));
        return 0;
    }
}
