using System.Buffers.Binary;

namespace Hdnr.Runtime.Wire;

/// <summary>Reads rawbytes records as Hadoop's RawBytesOutputReader does: a key and a value, each a 4-byte big-endian length and that many bytes.</summary>
internal sealed class RawBytesRecordReader(Stream input, int size = 1 << 20) : RecordReader(input, new byte[size], 0)
{
    public override bool Next()
    {
        while (true)
        {
            var pending = Buffer.AsSpan(Start, End - Start);
            if (pending.IsEmpty && Eof) return false;
            var key = Measure(pending, 0, "key");
            if (key > 0)
            {
                var value = Measure(pending, key, "value");
                if (value > 0)
                {
                    Record++;
                    Offset = BufferOffset + Start;
                    KeyStart = Start + 4;
                    KeyLength = key - 4;
                    ValueStart = Start + key + 4;
                    ValueLength = value - 4;
                    Start += key + value;
                    return true;
                }
            }
            Fill();
        }
    }

    /// <summary>The length of the length-prefixed bytes at <paramref name="at"/>, prefix included, or 0 when more input is needed (failing at the end of the input).</summary>
    private int Measure(ReadOnlySpan<byte> pending, int at, string role)
    {
        if (pending.Length - at >= 4)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(pending[at..]);
            if (length < 0)
                throw new InvalidDataException($"rawbytes input: the {role} of record {Record + 1} at byte offset {BufferOffset + Start + at} has a negative length ({length})");
            if (length <= Array.MaxLength - 8 - at && pending.Length - at - 4 >= length) return 4 + length;
        }
        if (Eof)
            throw new InvalidDataException(at == pending.Length && role == "value"
                ? $"rawbytes input: the input ends after a key (record {Record + 1} at byte offset {BufferOffset + Start}) with no value"
                : $"rawbytes input: the input ends inside the {role} of record {Record + 1}, which starts at byte offset {BufferOffset + Start}");
        return 0;
    }
}
