namespace Hdnr.Formats.Streams;

/// <summary>The bytes [begin, end) of a file, read with a large buffer.</summary>
public sealed class FileRangeStream : ReadOnlyStream
{
    private readonly FileStream _file;
    private long _remaining;

    public FileRangeStream(string path, long begin, long end)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _file.Position = begin;
        _remaining = end - begin;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_remaining <= 0) return 0;
        if (buffer.Length > _remaining) buffer = buffer[..(int)_remaining];
        var read = _file.Read(buffer);
        _remaining -= read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
        base.Dispose(disposing);
    }
}
