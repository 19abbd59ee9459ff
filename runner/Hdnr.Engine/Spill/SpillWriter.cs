// Sort and spill: a map task's sorted output on disk, one segment per reduce task.
using System.Runtime.CompilerServices;
using Hdnr.Engine.Scratch;
using Hdnr.Formats.Shuffle;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Spill;

/// <summary>Writes a spill file: for each partition in turn its pairs as <c>vint keyLength, vint valueLength, key, value</c> (Hadoop's IFile record layout), noting where each partition starts.</summary>
internal sealed class SpillWriter : IPairSink, IDisposable
{
    private readonly FileStream _file;
    private readonly long[] _offsets;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;
    private long _flushed;
    private int _partition = -1;

    private readonly SpillAccounting? _accounting;
    private readonly long[] _hadoopLengths;
    private readonly long[] _records;

    /// <summary>Creates the spill file <paramref name="path"/>; with <paramref name="accounting"/>, also counts each segment's length as Hadoop's IFile would have it.</summary>
    public SpillWriter(string path, int partitions, SpillAccounting? accounting = null)
    {
        _accounting = accounting;
        _hadoopLengths = new long[partitions];
        _records = new long[partitions];
        Path = path;
        // Spills hold the job's input data: private to the user, whatever the umask.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = ScratchDirectory.FileMode;
        _file = new FileStream(path, options);
        _offsets = new long[partitions + 1];
    }

    public string Path { get; }

    /// <summary>Pairs written.</summary>
    public long Records { get; private set; }

    /// <summary>Starts the segment of <paramref name="partition"/>; partitions come in increasing order.</summary>
    public void StartPartition(int partition)
    {
        while (_partition < partition) _offsets[++_partition] = _flushed + _used;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (_accounting is not null) _hadoopLengths[_partition] += _accounting.SegmentRecordBytes(key.Length, value.Length);
        _records[_partition]++;
        var size = key.Length + value.Length + 10;
        if (_buffer.Length - _used < size)
        {
            Drain();
            if (size > _buffer.Length)
            {
                Span<byte> header = stackalloc byte[10];
                var n = VarInt.Write(header, key.Length);
                n += VarInt.Write(header[n..], value.Length);
                _file.Write(header[..n]);
                _file.Write(key);
                _file.Write(value);
                _flushed += n + key.Length + value.Length;
                Records++;
                return;
            }
        }
        var span = _buffer.AsSpan(_used);
        var at = VarInt.Write(span, key.Length);
        at += VarInt.Write(span[at..], value.Length);
        key.CopyTo(span[at..]);
        at += key.Length;
        value.CopyTo(span[at..]);
        _used += at + value.Length;
        Records++;
    }

    /// <summary>Ends the file and gives its run.</summary>
    public SpillRun Complete()
    {
        StartPartition(_offsets.Length - 1);
        Drain();
        _file.Flush();
        _offsets[^1] = _flushed;
        for (var partition = 0; partition < _hadoopLengths.Length; partition++) _hadoopLengths[partition] += SpillAccounting.SegmentEndBytes;
        return new SpillRun(Path, _offsets, _hadoopLengths, _records);
    }

    private void Drain()
    {
        _file.Write(_buffer, 0, _used);
        _flushed += _used;
        _used = 0;
    }

    public void Dispose() => _file.Dispose();
}
