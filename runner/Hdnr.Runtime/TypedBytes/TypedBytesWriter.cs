using System.Buffers;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.TypedBytes;

/// <summary>Writes typed bytes values to a stream through a buffer, with allocation-free paths for the common scalar types.</summary>
public sealed class TypedBytesWriter : IDisposable, IBufferWriter<byte>
{
    private const int DefaultBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly OutputBuffer _buffer;
    private bool _disposed;

    /// <summary>Writes to <paramref name="stream"/>.</summary>
    public TypedBytesWriter(Stream stream, bool leaveOpen = false, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = new OutputBuffer(stream, bufferSize);
    }

    /// <summary>The number of bytes written so far, flushed or not.</summary>
    public long Position => _buffer.Position;

    /// <summary>Encodes and writes one value; the type code follows the .NET type.</summary>
    public void Write(object? value) => TypedBytesCodec.Encode(value, this);

    /// <summary>Writes one already encoded value (type code first) as it is.</summary>
    public void WriteRaw(ReadOnlySpan<byte> encoded) => _buffer.Write(encoded);

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
    public void Flush() => _buffer.Flush();

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

    void IBufferWriter<byte>.Advance(int count) => _buffer.Advance(count);

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint) => _buffer.GetMemory(sizeHint);

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => _buffer.GetSpan(sizeHint);
}
