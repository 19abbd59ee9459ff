using System.Buffers.Binary;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>A buffered, position-tracking view of a SequenceFile's bytes that names the file and offset in every error.</summary>
public sealed class SequenceFileInput : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long? _length;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _pos;
    private int _end;
    private long _bufferStart;

    public SequenceFileInput(Stream stream, string name, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Name = name;
        if (stream.CanSeek)
        {
            // Knowing the length lets every length field be checked before anything is allocated for it.
            _length = stream.Length;
            _bufferStart = stream.Position;
        }
    }

    /// <summary>The file's name, for errors.</summary>
    public string Name { get; }

    /// <summary>The offset of the next byte.</summary>
    public long Position => _bufferStart + _pos;

    /// <summary>The stream's length, when it can tell.</summary>
    public long? Length => _length;

    /// <summary>How many bytes remain, when the stream can tell.</summary>
    public long? Remaining => _length - Position;

    /// <summary>Whether no byte remains.</summary>
    public bool AtEnd() => !Ensure(1);

    /// <summary>Moves to <paramref name="offset"/>; the stream must be seekable.</summary>
    public void Seek(long offset)
    {
        if (offset >= Position && offset <= _bufferStart + _end)
        {
            // Ahead but already buffered, as a sync marker Find has just found usually is.
            _pos = (int)(offset - _bufferStart);
            return;
        }

        _stream.Position = offset;
        _bufferStart = offset;
        _pos = _end = 0;
    }

    /// <summary>The offset of the first occurrence of <paramref name="pattern"/> at or after <paramref name="from"/>, or -1; the position is left anywhere.</summary>
    public long Find(ReadOnlySpan<byte> pattern, long from)
    {
        Seek(from);
        while (true)
        {
            var i = _buffer.AsSpan(_pos, _end - _pos).IndexOf(pattern);
            if (i >= 0)
            {
                return Position + i;
            }

            // The last bytes may begin an occurrence that the next read completes.
            _pos = Math.Max(_pos, _end - (pattern.Length - 1));
            if (!Fill())
            {
                return -1;
            }
        }
    }

    /// <summary>An error naming the file and offset.</summary>
    public InvalidDataException Corrupt(long offset, string message)
    {
        var error = new InvalidDataException($"{Name}: corrupt SequenceFile at byte offset {offset}: {message}.");

        // Marked, so wrappers of other libraries' errors can tell ours apart and let them through as they are.
        error.Data[CorruptMarker] = true;
        return error;
    }

    /// <summary>The <see cref="Exception.Data"/> key that marks this reader's own errors.</summary>
    public const string CorruptMarker = "Hdnr.SequenceFile.Corrupt";

    public byte ReadByte(string what)
    {
        Need(1, what);
        return _buffer[_pos++];
    }

    public int ReadInt32(string what)
    {
        Need(4, what);
        var value = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_pos));
        _pos += 4;
        return value;
    }

    public long ReadVLong(string what)
    {
        Need(1, what);
        var size = WritableVarInt.SizeOf(_buffer[_pos]);
        Need(size, what);
        var value = WritableVarInt.Decode(_buffer.AsSpan(_pos, size));
        _pos += size;
        return value;
    }

    /// <summary>Reads a VInt that must lie in 0..<paramref name="max"/>.</summary>
    public int ReadLength(string what, long max)
    {
        var at = Position;
        var value = ReadVLong(what);
        if (value < 0 || value > max)
        {
            throw Corrupt(at, $"{what} is {value}, outside 0..{max}");
        }

        return (int)value;
    }

    public void ReadExactly(Span<byte> destination, string what)
    {
        var at = Position;
        var done = Math.Min(destination.Length, _end - _pos);
        _buffer.AsSpan(_pos, done).CopyTo(destination);
        _pos += done;
        while (done < destination.Length)
        {
            if (destination.Length - done >= _buffer.Length)
            {
                // Large reads skip the buffer.
                var read = _stream.Read(destination[done..]);
                if (read == 0)
                {
                    throw Truncated(at, what, destination.Length);
                }

                done += read;
                _bufferStart += read;
                continue;
            }

            if (!Ensure(1))
            {
                throw Truncated(at, what, destination.Length);
            }

            var n = Math.Min(destination.Length - done, _end - _pos);
            _buffer.AsSpan(_pos, n).CopyTo(destination[done..]);
            _pos += n;
            done += n;
        }
    }

    /// <summary>Reads <paramref name="length"/> bytes into <paramref name="target"/> (grown as needed) after checking they can exist.</summary>
    public void ReadInto(ref byte[] target, int length, string what)
    {
        var at = Position;
        if (length < 0)
        {
            throw Corrupt(at, $"{what} has a negative length {length}");
        }

        if (Remaining is { } remaining && length > remaining)
        {
            throw Corrupt(at, $"{what} of {length} bytes runs past the end of the file ({remaining} bytes remain)");
        }

        if (Remaining is not null || length <= 1 << 20)
        {
            if (target.Length < length)
            {
                target = new byte[Math.Max(length, (int)Math.Min(Array.MaxLength, target.Length * 2L))];
            }

            ReadExactly(target.AsSpan(0, length), what);
            return;
        }

        // A stream of unknown length: grow only as bytes arrive, so a lying length costs at most twice the data present.
        var filled = 0;
        while (filled < length)
        {
            if (filled == target.Length)
            {
                var grown = new byte[(int)Math.Min(length, Math.Max(1 << 20, target.Length * 2L))];
                target.AsSpan(0, filled).CopyTo(grown);
                target = grown;
            }

            var chunk = Math.Min(length, target.Length) - filled;
            ReadExactly(target.AsSpan(filled, chunk), what);
            filled += chunk;
        }
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Need(int count, string what)
    {
        if (!Ensure(count))
        {
            throw Truncated(Position, what, count);
        }
    }

    private InvalidDataException Truncated(long at, string what, long count) =>
        Corrupt(at, $"the file ends inside {what} ({count} bytes expected, {Math.Max(0, (_length ?? (_bufferStart + _end)) - at)} remain)");

    private bool Ensure(int count)
    {
        if (_end - _pos >= count)
        {
            return true;
        }

        while (_end - _pos < count)
        {
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }

    // Moves the unread bytes to the buffer's start and reads once after them; false at the end of the stream.
    private bool Fill()
    {
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _bufferStart += _pos;
            _end -= _pos;
            _pos = 0;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        return read > 0;
    }
}
