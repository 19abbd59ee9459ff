using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Tasks;

/// <summary>Reads typedbytes records: an encoded key followed by an encoded value, each kept whole with its type code.</summary>
internal sealed class TypedBytesRecordReader : RecordReader
{
    private readonly Stream _input;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;

    public TypedBytesRecordReader(Stream input, int size = 1 << 20)
    {
        _input = input;
        Buffer = new byte[size];
    }

    public override bool Next()
    {
        while (true)
        {
            var pending = Buffer.AsSpan(_start, _end - _start);
            if (pending.IsEmpty && _eof) return false;
            var key = Measure(pending, 0, "key");
            if (key > 0)
            {
                var value = Measure(pending, key, "value");
                if (value > 0)
                {
                    Record++;
                    Offset = _bufferOffset + _start;
                    KeyStart = _start;
                    KeyLength = key;
                    ValueStart = _start + key;
                    ValueLength = value;
                    _start += key + value;
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
                throw TypedBytesCodec.Invalid("typedbytes input", _bufferOffset + _start + at + number, error!);
            default:
                if (_eof)
                    throw TypedBytesCodec.Invalid("typedbytes input", _bufferOffset + _end,
                        at == pending.Length && role == "value"
                            ? $"the input ends after a key (record {Record + 1} at byte offset {_bufferOffset + _start}) with no value"
                            : $"the input ends inside the {role} of record {Record + 1}, which starts at byte offset {_bufferOffset + _start}");
                return 0;
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.AsSpan(_start, _end - _start).CopyTo(Buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == Buffer.Length) Array.Resize(ref Buffer, Buffer.Length * 2);
        var read = _input.Read(Buffer, _end, Buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }
}
