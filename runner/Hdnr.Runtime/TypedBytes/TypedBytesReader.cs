namespace Hdnr.Runtime.TypedBytes;

/// <summary>Reads a stream of typed bytes values through a buffer, raw or decoded.</summary>
public sealed class TypedBytesReader : IDisposable
{
    /// <summary>What <see cref="ReadValue"/> returns at the end of the stream, since null is itself a value.</summary>
    public static readonly object EndOfStream = new EndMarker();

    private const int DefaultBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string? _source;
    private readonly TypedBytesFraming.ScanState _scan = new();
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;

    /// <summary>Reads from <paramref name="stream"/>; <paramref name="source"/> (a file name) is named in errors.</summary>
    public TypedBytesReader(Stream stream, string? source = null, bool leaveOpen = false, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 16);
        _stream = stream;
        _source = source;
        _leaveOpen = leaveOpen;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The byte offset of the next value in the stream.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>Reads the next whole encoded value (type code first) into a span valid until the next call; false at the end of the stream.</summary>
    public bool TryReadRaw(out ReadOnlySpan<byte> encoded)
    {
        while (true)
        {
            var available = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
            switch (TypedBytesFraming.Measure(available, _scan, out var number, out var error))
            {
                case TypedBytesFraming.Result.Complete:
                    encoded = available[..(int)number];
                    _start += (int)number;
                    return true;
                case TypedBytesFraming.Result.Invalid:
                    throw TypedBytesCodec.Invalid(_source, Position + number, error!);
            }

            if (available.IsEmpty && _eof)
            {
                encoded = default;
                return false;
            }

            if (!Fill(number))
            {
                if (_end == _start)
                {
                    encoded = default;
                    return false;
                }

                throw Truncated(_bufferOffset + _end, _end - _start, number);
            }
        }
    }

    /// <summary>Reads and decodes the next value, or returns <see cref="EndOfStream"/> at the end.</summary>
    public object? ReadValue() => TryReadValue(out var value) ? value : EndOfStream;

    /// <summary>Reads and decodes the next value; false at the end of the stream.</summary>
    public bool TryReadValue(out object? value)
    {
        var at = Position;
        if (!TryReadRaw(out var encoded))
        {
            value = null;
            return false;
        }

        value = TypedBytesCodec.Decode(encoded, at, _source);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    // Makes at least `needed` bytes available from _start, or returns false at the end of the stream.
    private bool Fill(long needed)
    {
        var held = _end - _start;
        if (_stream.CanSeek)
        {
            // A seekable stream says up front whether the bytes exist, so an absurd length is refused before any allocation.
            var remaining = held + Math.Max(0, _stream.Length - _stream.Position);
            if (remaining == 0)
            {
                _eof = true;
                return false;
            }

            if (needed > remaining)
            {
                throw Truncated(Position + remaining, remaining, needed);
            }
        }

        if (needed > Array.MaxLength)
        {
            throw TypedBytesCodec.Invalid(_source, Position, $"the value starting here claims {needed} bytes, more than one value may hold");
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, held);
            _bufferOffset += _start;
            _start = 0;
            _end = held;
        }

        while (_end < needed)
        {
            if (_end == _buffer.Length)
            {
                // Grow by doubling only as bytes really arrive, so a lying length costs at most twice the data present.
                var grown = new byte[(int)Math.Min(Array.MaxLength, _buffer.Length * 2L)];
                Buffer.BlockCopy(_buffer, 0, grown, 0, _end);
                _buffer = grown;
            }

            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                return false;
            }

            _end += read;
        }

        return true;
    }

    private InvalidDataException Truncated(long end, long present, long needed) =>
        TypedBytesCodec.Invalid(
            _source,
            end,
            $"the stream ends inside the value starting at byte offset {Position} (type code {_buffer[_start]}, {present} bytes present, at least {needed} needed)");

    private sealed class EndMarker
    {
        public override string ToString() => "<end of stream>";
    }
}
