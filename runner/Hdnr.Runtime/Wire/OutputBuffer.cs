using System.Buffers;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Wire;

/// <summary>A large byte buffer in front of a task's output stream, so each pair costs a few copies and no write call.</summary>
/// <remarks>Without a stream it only grows: what is written stays readable as <see cref="Written"/> until rewound.</remarks>
internal sealed class OutputBuffer(Stream? output, int size = 1 << 20) : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[size];
    private int _used;

    /// <summary>What is buffered and not yet handed to the stream.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _used);

    /// <summary>Bytes handed to the stream so far; with what is still buffered, the output's length.</summary>
    public long Flushed { get; private set; }

    /// <summary>How many bytes were written so far, flushed or not.</summary>
    public long Position => Flushed + _used;

    /// <summary>Takes back what was written after <paramref name="position"/>, as far as it is still buffered.</summary>
    public void Rewind(long position)
    {
        if (position >= Flushed && position <= Position) _used = (int)(position - Flushed);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _used);
        _used += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_used);
    }

    public void WriteByte(byte value)
    {
        if (_used == _buffer.Length) Reserve(1);
        _buffer[_used++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            if (output is not null && bytes.Length > _buffer.Length)
            {
                Drain();
                output.Write(bytes);
                Flushed += bytes.Length;
                return;
            }
            Reserve(bytes.Length);
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8, without a length or terminator; lone surrogates U+DC80..U+DCFF as the bytes they escape (<see cref="SurrogateEscape"/>).</summary>
    public void WriteUtf8(string text)
    {
        // Short strings dominate (words, keys): reserve their worst case and encode in place; an ASCII word is
        // copied by a plain loop, which costs less than the encoder's set-up.
        if (text.Length <= 4096)
        {
            var span = GetSpan(SurrogateEscape.MaxByteCount(text.Length));
            var ascii = 0;
            if (text.Length <= 32)
            {
                while (ascii < text.Length && text[ascii] < 0x80)
                {
                    span[ascii] = (byte)text[ascii];
                    ascii++;
                }
            }
            _used += ascii < text.Length ? ascii + SurrogateEscape.Encode(text.AsSpan(ascii), span[ascii..]) : ascii;
        }
        else
        {
            SurrogateEscape.Write(this, text);
        }
    }

    /// <summary>Writes what is buffered to the stream and flushes it.</summary>
    public void Flush()
    {
        Drain();
        output?.Flush();
    }

    private void Reserve(int sizeHint)
    {
        if (sizeHint < 1) sizeHint = 256;
        if (_buffer.Length - _used >= sizeHint) return;
        Drain();
        if (_buffer.Length - _used < sizeHint) Array.Resize(ref _buffer, Math.Max(_used + sizeHint, _buffer.Length * 2));
    }

    private void Drain()
    {
        if (_used == 0 || output is null) return;
        output.Write(_buffer, 0, _used);
        Flushed += _used;
        _used = 0;
    }
}
