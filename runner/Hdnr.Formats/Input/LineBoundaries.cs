using Hdnr.Runtime.Wire;

namespace Hdnr.Formats.Input;

/// <summary>Where a text split's lines begin and end, by the rule of Hadoop's LineRecordReader.</summary>
/// <remarks>
/// A split that does not start at 0 skips everything up to and including its first line end, and every split reads
/// on past its end to finish the line in progress there (one starting exactly at the end included). So a split owns
/// the bytes from <c>Boundary(start)</c> to <c>Boundary(start + length)</c>, each line exactly once. Lines end as
/// Hadoop's LineReader ends them (<see cref="LineEnd"/>).
/// </remarks>
public static class LineBoundaries
{
    /// <summary>The byte range [Begin, End) of the file whose lines the split reads.</summary>
    public static (long Begin, long End) Of(InputSplit split)
    {
        using var file = new FileStream(split.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        return (Boundary(file, split.Start, split.FileLength), Boundary(file, split.Start + split.Length, split.FileLength));
    }

    /// <summary>The bytes Hadoop's local file system counts as read (its "Bytes Read") for a text split whose last line ends at <paramref name="end"/>.</summary>
    /// <remarks>
    /// LineRecordReader's UncompressedSplitLineReader fills its buffer (io.file.buffer.size, 4096 bytes) in chunks
    /// counted from the split's start, the last one before the split's end cut short to end there, then whole chunks
    /// past it until the split's last line is read; a line ended by a lone \r at a chunk's end takes one chunk more, to
    /// see whether \n follows. Below it the file system reads whole 4096-byte buffers from the split's start, up to the
    /// file's end, so it counts the reader's chunks rounded up to a buffer.
    /// </remarks>
    public static long BytesRead(InputSplit split, long end)
    {
        ArgumentNullException.ThrowIfNull(split);
        const long Buffer = 4096;
        static long RoundUp(long bytes) => (bytes + Buffer - 1) / Buffer * Buffer;
        var consumed = Math.Max(end - split.Start, 1);
        var chunks = consumed <= split.Length
            ? Math.Min(RoundUp(consumed), split.Length)
            : split.Length + RoundUp(consumed - split.Length);
        if (chunks == consumed && end < split.FileLength && EndsWithCarriageReturn(split.Path, end)) chunks += Buffer;
        return Math.Min(split.FileLength - split.Start, RoundUp(chunks));
    }

    private static bool EndsWithCarriageReturn(string path, long end)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        file.Position = end - 1;
        return file.ReadByte() == '\r';
    }

    /// <summary>0 at 0, the file's end at or past it, else the position just after the first line end at or after <paramref name="position"/>.</summary>
    public static long Boundary(Stream file, long position, long fileLength)
    {
        if (position <= 0) return 0;
        if (position >= fileLength) return fileLength;
        file.Position = position;
        var buffer = new byte[1 << 16];
        var at = position;
        var held = 0;
        while (true)
        {
            var read = file.Read(buffer, held, buffer.Length - held);
            held += read;
            if (LineEnd.Find(buffer.AsSpan(0, held), more: read > 0, out var consumed) >= 0) return at + consumed;
            if (read == 0) return fileLength;
            // No line end decided yet: only a \r last in the buffer, whose line end the next byte settles, is kept.
            var keep = buffer[held - 1] == (byte)'\r' ? 1 : 0;
            buffer[0] = buffer[held - 1];
            at += held - keep;
            held = keep;
        }
    }
}
