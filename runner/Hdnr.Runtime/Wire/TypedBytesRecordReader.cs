using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Wire;

/// <summary>Reads typedbytes records: an encoded key followed by an encoded value, each kept whole with its type code.</summary>
internal sealed class TypedBytesRecordReader(Stream input, int size = 1 << 20) : FramedPairReader(input, size)
{
    protected override int Header => 0;

    protected override int Measure(ReadOnlySpan<byte> pending, int at, string role)
    {
        switch (TypedBytesFraming.Measure(pending[at..], out var number, out var error))
        {
            case TypedBytesFraming.Result.Complete:
                return (int)number;
            case TypedBytesFraming.Result.Invalid:
                throw TypedBytesCodec.Invalid("typedbytes input", BufferOffset + Start + at + number, error!);
            default:
                if (Eof) throw TypedBytesCodec.Invalid("typedbytes input", BufferOffset + End, EndedEarly(pending, at, role));
                return 0;
        }
    }
}
