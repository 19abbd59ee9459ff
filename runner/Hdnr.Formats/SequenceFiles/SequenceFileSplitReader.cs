using Hdnr.Formats.Codecs;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>The records of one split of a SequenceFile: exactly those Hadoop's SequenceFileRecordReader gives the map task of that split.</summary>
/// <remarks>
/// A split that starts past the header starts at the first sync marker at or after its start, and every split reads on
/// until a record that comes right after a sync marker starting at or past its end. So the records after each sync
/// marker (a BLOCK file's block, or the ~2,000 bytes between the escapes other files carry) go to the one split the
/// marker starts in, and those before the first marker to the split that holds the first record's offset.
/// </remarks>
public sealed class SequenceFileSplitReader : IDisposable
{
    private readonly SequenceFileReader _reader;
    private readonly long _start;
    private readonly long _end;
    private bool _more;

    private SequenceFileSplitReader(SequenceFileReader reader, long start, long end)
    {
        _reader = reader;
        _start = start;
        _end = end;
        // Hadoop syncs only a split that starts past the header's end; one that starts within it reads from the first record.
        if (start > reader.Position) reader.SeekToSync(start);
        _more = reader.Position < end;
    }

    /// <summary>Opens the split of <paramref name="path"/> that starts at <paramref name="start"/> and holds <paramref name="length"/> bytes.</summary>
    public static SequenceFileSplitReader Open(string path, long start, long length)
    {
        SequenceFileReader reader;
        try
        {
            reader = SequenceFileReader.Open(path);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new CorruptInputException(e.Message, e);
        }
        try
        {
            return new SequenceFileSplitReader(reader, start, start + length);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>How many of the split's bytes the reader has passed, for progress.</summary>
    public long Consumed => Math.Clamp(_reader.Position - _start, 0, _end - _start);

    /// <summary>Reads the split's next pair as typed bytes encodings (<see cref="SequenceFileReader.TryReadTypedBytes"/>), valid until the next call.</summary>
    public bool TryReadTypedBytes(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        if (!_more)
        {
            key = value = default;
            return false;
        }

        var before = _reader.Position;
        bool read;
        try
        {
            read = _reader.TryReadTypedBytes(out key, out value);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            // Its message names the file and offset; the same bytes would fail every attempt.
            throw new CorruptInputException(e.Message, e);
        }
        // The first record after a sync marker at or past the end belongs to the next split; Hadoop reads it, then drops it.
        _more = read && !(before >= _end && _reader.SyncSeen);
        return _more;
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
