// Reduce side: a reduce task and the sorted input it reads.
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Hdnr.Formats.Streams;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.ReduceSide;

/// <summary>What a reduce or combine task reads on stdin: sorted pairs as Hadoop's TextInputWriter (<c>key SEPARATOR value \n</c>, the separator <c>stream.reduce.input.field.separator</c>), KeyOnlyTextInputWriter (<c>key \n</c>), RawBytesInputWriter (a 4-byte length before each) or TypedBytesInputWriter (key, value) write them.</summary>
internal sealed class TaskInputStream(IPairSource source, TaskIo io) : ReadOnlyStream
{
    private readonly WireFormat format = io.Input;
    private readonly byte[] _separator = io.InputSeparator.ToArray();
    private byte[] _staged = ScratchBuffers.Rent(1 << 20);
    private int _start;
    private int _end;
    private bool _done;

    public override int Read(Span<byte> buffer)
    {
        if (_start == _end)
        {
            if (_done) return 0;
            Stage(Math.Max(buffer.Length, 1 << 16));
            if (_start == _end) return 0;
        }
        var count = Math.Min(buffer.Length, _end - _start);
        _staged.AsSpan(_start, count).CopyTo(buffer);
        _start += count;
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Stage(int want)
    {
        _start = _end = 0;
        while (_end < want)
        {
            if (!source.Next(out var key, out var value))
            {
                _done = true;
                return;
            }
            var length = key.Length + value.Length + format switch
            {
                WireFormat.Text => 1 + _separator.Length,
                WireFormat.KeyOnlyText => 1 - value.Length,
                WireFormat.RawBytes => 8,
                _ => 0,
            };
            if (_staged.Length - _end < length) Array.Resize(ref _staged, Math.Max(_staged.Length * 2, _end + length));
            var span = _staged.AsSpan(_end, length);
            switch (format)
            {
                case WireFormat.Text:
                    key.CopyTo(span);
                    _separator.CopyTo(span[key.Length..]);
                    value.CopyTo(span[(key.Length + _separator.Length)..]);
                    span[^1] = (byte)'\n';
                    break;
                case WireFormat.KeyOnlyText:
                    key.CopyTo(span);
                    span[^1] = (byte)'\n';
                    break;
                case WireFormat.RawBytes:
                    BinaryPrimitives.WriteInt32BigEndian(span, key.Length);
                    key.CopyTo(span[4..]);
                    BinaryPrimitives.WriteInt32BigEndian(span[(4 + key.Length)..], value.Length);
                    value.CopyTo(span[(8 + key.Length)..]);
                    break;
                default:
                    key.CopyTo(span);
                    value.CopyTo(span[key.Length..]);
                    break;
            }
            _end += length;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _staged.Length > 0)
        {
            ScratchBuffers.Return(_staged);
            _staged = [];
        }
        base.Dispose(disposing);
    }
}
