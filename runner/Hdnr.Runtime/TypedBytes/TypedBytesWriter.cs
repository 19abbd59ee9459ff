using System.Buffers;

namespace Hdnr.Runtime.TypedBytes;

/// <summary>Writes typed bytes values to a stream through a buffer, with allocation-free paths for the common scalar types.</summary>
public sealed class TypedBytesWriter : IDisposable, IBufferWriter<byte>
{
    private const int DefaultBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _used;
    private long _flushed;
    private bool _disposed;

    /// <summary>Writes to <paramref name="stream"/>.</summary>
    public TypedBytesWriter(Stream stream, bool leaveOpen = false, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The number of bytes written so far, flushed or not.</summary>
    public long Position => _flushed + _used;

    /// <summary>Encodes and writes one value; the type code follows the .NET type.</summary>
    public void Write(object? value) => TypedBytesCodec.Encode(value, this);

    /// <summary>Writes one already encoded value (type code first) as it is.</summary>
    public void WriteRaw(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > _buffer.Length - _used)
        {
            FlushBuffer();
            if (encoded.Length > _buffer.Length)
            {
                // Big values go straight through instead of growing the buffer.
                _stream.Write(encoded);
                _flushed += encoded.Length;
                return;
            }
        }

        encoded.CopyTo(_buffer.AsSpan(_used));
        _used += encoded.Length;
    }

    /// <summary>Writes a string (code 7) as UTF-8.</summary>
    public void WriteString(ReadOnlySpan<char> value) => TypedBytesCodec.WriteString(this, value);

    /// <summary>Writes a string (code 7) as UTF-8.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        TypedBytesCodec.WriteString(this, value.AsSpan());
    }

    /// <summary>Writes an int (code 3).</summary>
    public void WriteInt(int value) => TypedBytesCodec.WriteInt(this, value);

    /// <summary>Writes a long (code 4).</summary>
    public void WriteLong(long value) => TypedBytesCodec.WriteLong(this, value);

    /// <summary>Writes a double (code 6).</summary>
    public void WriteDouble(double value) => TypedBytesCodec.WriteDouble(this, value);

    /// <summary>Writes raw bytes (code 0).</summary>
    public void WriteBytes(ReadOnlySpan<byte> value) => TypedBytesCodec.WritePayload(this, (byte)TypedBytesType.Bytes, value);

    /// <summary>Writes the buffered bytes and flushes the stream.</summary>
    public void Flush()
    {
        FlushBuffer();
        _stream.Flush();
    }

    /// <summary>Flushes, then closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    void IBufferWriter<byte>.Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _used);
        _used += count;
    }

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint)
    {
        var free = Reserve(sizeHint);
        return _buffer.AsMemory(_used, free);
    }

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint)
    {
        var free = Reserve(sizeHint);
        return _buffer.AsSpan(_used, free);
    }

    // Makes room for sizeHint bytes and returns how many are free.
    private int Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _used < sizeHint)
        {
            FlushBuffer();
            if (_buffer.Length < sizeHint)
            {
                _buffer = new byte[Math.Max(sizeHint, _buffer.Length * 2)];
            }
        }

        return _buffer.Length - _used;
    }

    private void FlushBuffer()
    {
        if (_used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _flushed += _used;
            _used = 0;
        }
    }
}
