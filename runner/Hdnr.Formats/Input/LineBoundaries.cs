namespace Hdnr.Formats.Input;

/// <summary>Where a text split's lines begin and end, by the rule of Hadoop's LineRecordReader.</summary>
/// <remarks>
/// A split that does not start at 0 skips everything up to and including its first line end, and every split reads
/// on past its end to finish the line in progress there (one starting exactly at the end included). So a split owns
/// the bytes from <c>Boundary(start)</c> to <c>Boundary(start + length)</c>, each line exactly once. Line ends are
/// <c>\n</c>, <c>\r\n</c> and a lone <c>\r</c>, as LineReader's default.
/// </remarks>
public static class LineBoundaries
{
    /// <summary>The byte range [Begin, End) of the file whose lines the split reads.</summary>
    public static (long Begin, long End) Of(InputSplit split)
    {
        using var file = new FileStream(split.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        return (Boundary(file, split.Start, split.FileLength), Boundary(file, split.Start + split.Length, split.FileLength));
    }

    /// <summary>0 at 0, the file's end at or past it, else the position just after the first line end at or after <paramref name="position"/>.</summary>
    public static long Boundary(Stream file, long position, long fileLength)
    {
        if (position <= 0) return 0;
        if (position >= fileLength) return fileLength;
        file.Position = position;
        var buffer = new byte[1 << 16];
        var at = position;
        while (true)
        {
            var read = file.Read(buffer);
            if (read == 0) return fileLength;
            var i = buffer.AsSpan(0, read).IndexOfAny((byte)'\n', (byte)'\r');
            if (i < 0)
            {
                at += read;
                continue;
            }
            var end = at + i + 1;
            if (buffer[i] == (byte)'\n') return end;
            // A \r ends the line; a \n right after it belongs to the same line end.
            if (end >= fileLength) return end;
            int next;
            if (i + 1 < read) next = buffer[i + 1];
            else
            {
                file.Position = end;
                next = file.ReadByte();
            }
            return next == '\n' ? end + 1 : end;
        }
    }
}
