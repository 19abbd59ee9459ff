namespace Hdnr.Formats.Input;

/// <summary>The records of one split as Hadoop Streaming's StreamXmlRecordReader reads them: each from a begin mark through the next end mark, both included.</summary>
/// <remarks>
/// A split's records are those whose begin mark starts before the split's end; a record runs on past it to its end
/// mark, and the next split starts at the first begin mark at or after its own start. Marks are matched byte by byte
/// as Hadoop's fastReadUntilMatch matches them: after a mismatch the byte that broke a partial match is not tried as
/// the start of a new one (so <c>&lt;&lt;page&gt;</c> holds no <c>&lt;page&gt;</c>), which this reader keeps, as the
/// records must be Hadoop's. A begin mark with no end mark after it ends the split's records. The file's raw bytes are
/// read, compressed or not, as StreamInputFormat opens the file without a codec.
/// </remarks>
public sealed class XmlRecordReader : IDisposable
{
    private readonly BufferedStream _file;
    private readonly byte[] _begin;
    private readonly byte[] _end;
    private readonly long _splitEnd;
    private readonly MemoryStream _record = new();
    private long _position;

    /// <summary>Opens the split of <paramref name="path"/> from <paramref name="start"/>, <paramref name="length"/> bytes long, finding records between <paramref name="begin"/> and <paramref name="end"/>.</summary>
    public XmlRecordReader(string path, long start, long length, byte[] begin, byte[] end)
    {
        ArgumentNullException.ThrowIfNull(begin);
        ArgumentNullException.ThrowIfNull(end);
        if (begin.Length == 0 || end.Length == 0) throw new ArgumentException("the begin and end marks must not be empty");
        _begin = begin;
        _end = end;
        _splitEnd = start + length;
        _file = new BufferedStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1), 1 << 16);
        _file.Position = start;
        _position = start;
        // init's seekNextRecordBoundary.
        ReadUntil(_begin, null);
    }

    /// <summary>The file bytes the reader has passed, from the split's start.</summary>
    public long Position => _position;

    /// <summary>The current record, valid until the next <see cref="Next"/>.</summary>
    public ReadOnlySpan<byte> Record => _record.GetBuffer().AsSpan(0, (int)_record.Length);

    /// <summary>Moves to the next record; false when the split has no more.</summary>
    public bool Next()
    {
        _record.SetLength(0);
        if (_position >= _splitEnd || !ReadUntil(_begin, null)) return false;
        return _position < _splitEnd && ReadUntil(_end, _record);
    }

    // fastReadUntilMatch: without an output the stream is left at the mark's first byte; with one, the mark is read
    // and written too. `_position` counts the bytes before the partial match in progress.
    private bool ReadUntil(byte[] mark, MemoryStream? output)
    {
        var matched = 0;
        while (true)
        {
            var b = _file.ReadByte();
            if (b < 0) return false;
            if (b == mark[matched])
            {
                if (++matched < mark.Length) continue;
                if (output is null) _file.Position = _position;
                else
                {
                    output.Write(mark);
                    _position += mark.Length;
                }
                return true;
            }
            output?.Write(mark, 0, matched);
            output?.WriteByte((byte)b);
            _position += matched + 1;
            matched = 0;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _file.Dispose();
        _record.Dispose();
    }
}
