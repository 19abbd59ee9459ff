using System.Runtime.CompilerServices;
using Hdnr.Formats.Streams;
namespace Hdnr.Formats.Input;

/// <summary>Reads lines the way Hadoop's LineReader does: ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, none of them part of the line; a UTF-8 byte order mark at file offset 0 is dropped (LineRecordReader.skipUtfByteOrderMark).</summary>
public sealed class LineSource
{
    private readonly Stream _input;
    private byte[] _buffer = ScratchBuffers.Rent(1 << 20);
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private readonly long _firstOffset;

    public LineSource(Stream input, long firstOffset)
    {
        _input = input;
        _firstOffset = firstOffset;
        _bufferOffset = firstOffset;
    }

    /// <summary>Gives the buffer back for the thread's next task.</summary>
    public void Release()
    {
        ScratchBuffers.Return(_buffer);
        _buffer = [];
    }

    /// <summary>The current line's file offset (the key TextInputFormat gives it).</summary>
    public long Offset { get; private set; }

    /// <summary>The file offset of the input's first byte.</summary>
    public long FirstOffset => _firstOffset;

    /// <summary>Lines read so far.</summary>
    public long Lines { get; private set; }

    /// <summary>The next line without its end; false at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var i = pending.IndexOfAny((byte)'\n', (byte)'\r');
            if (i >= 0 && (pending[i] == (byte)'\n' || i + 1 < pending.Length || _eof))
            {
                var consumed = i + 1;
                if (pending[i] == (byte)'\r' && i + 1 < pending.Length && pending[i + 1] == (byte)'\n') consumed++;
                Take(i, consumed, out line);
                return true;
            }
            if (_eof)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }
                Take(pending.Length, pending.Length, out line);
                return true;
            }
            Fill();
        }
    }

    private void Take(int length, int consumed, out ReadOnlySpan<byte> line)
    {
        Offset = _bufferOffset + _start;
        line = _buffer.AsSpan(_start, length);
        if (Offset == 0 && _firstOffset == 0 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
        _start += consumed;
        Lines++;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }
}
