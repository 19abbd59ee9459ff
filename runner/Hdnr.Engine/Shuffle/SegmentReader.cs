// Merge and shuffle: every map's segment for one reduce task, merged in key order.
using System.Runtime.CompilerServices;
using Hdnr.Engine.Spill;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Shuffle;

/// <summary>Reads one partition's segment of a spill file pair by pair, with a buffer of its own.</summary>
internal sealed class SegmentReader : SortedSegment
{
    private readonly FileStream _file;
    private long _remaining;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public SegmentReader(SpillRun run, int partition, int bufferSize = 1 << 16)
    {
        _file = new FileStream(run.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _file.Position = run.Offsets[partition];
        _remaining = run.Length(partition);
        _buffer = new byte[(int)Math.Min(bufferSize, Math.Max(_remaining, 16))];
    }

    private int _keyStart;
    private int _keyLength;
    private int _valueStart;
    private int _valueLength;

    public override ReadOnlySpan<byte> Key => _buffer.AsSpan(_keyStart, _keyLength);

    public override ReadOnlySpan<byte> Value => _buffer.AsSpan(_valueStart, _valueLength);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool MoveNext()
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var a = VarInt.Read(pending, out var keyLength);
            if (a > 0)
            {
                var b = VarInt.Read(pending[a..], out var valueLength);
                if (b > 0 && pending.Length >= a + b + keyLength + valueLength)
                {
                    _keyStart = _start + a + b;
                    _keyLength = keyLength;
                    _valueStart = _keyStart + keyLength;
                    _valueLength = valueLength;
                    _start += a + b + keyLength + valueLength;
                    return true;
                }
                if (b > 0 && a + b + keyLength + valueLength > _buffer.Length)
                    Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, a + b + keyLength + valueLength));
            }
            if (_remaining == 0)
            {
                if (pending.Length != 0) throw new InvalidDataException($"spill file {_file.Name} ends inside a record");
                _keyLength = _valueLength = 0;
                return false;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        var want = (int)Math.Min(_buffer.Length - _end, _remaining);
        var read = _file.Read(_buffer, _end, want);
        if (read == 0) throw new InvalidDataException($"spill file {_file.Name} is shorter than its index says");
        _end += read;
        _remaining -= read;
    }

    public override void Dispose() => _file.Dispose();
}
