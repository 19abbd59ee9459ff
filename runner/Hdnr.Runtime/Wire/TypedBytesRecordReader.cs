using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Wire;

/// <summary>Reads typedbytes records: an encoded key followed by an encoded value, each kept whole with its type code.</summary>
internal sealed class TypedBytesRecordReader : RecordReader
{

    public TypedBytesRecordReader(Stream input, int size = 1 << 20)
        : base(input, new byte[size], 0)
    {
    }

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
                    KeyStart = Start;
                    KeyLength = key;
                    ValueStart = Start + key;
                    ValueLength = value;
                    Start += key + value;
                    return true;
                }
            }
            Fill();
        }
    }

    /// <summary>The length of the value at <paramref name="at"/>, or 0 when more input is needed (failing at the end of the input).</summary>
    private int Measure(ReadOnlySpan<byte> pending, int at, string role)
    {
        switch (TypedBytesFraming.Measure(pending[at..], out var number, out var error))
        {
            case TypedBytesFraming.Result.Complete:
                return (int)number;
            case TypedBytesFraming.Result.Invalid:
                throw TypedBytesCodec.Invalid("typedbytes input", BufferOffset + Start + at + number, error!);
            default:
                if (Eof)
                    throw TypedBytesCodec.Invalid("typedbytes input", BufferOffset + End,
                        at == pending.Length && role == "value"
                            ? $"the input ends after a key (record {Record + 1} at byte offset {BufferOffset + Start}) with no value"
                            : $"the input ends inside the {role} of record {Record + 1}, which starts at byte offset {BufferOffset + Start}");
                return 0;
        }
    }
}
