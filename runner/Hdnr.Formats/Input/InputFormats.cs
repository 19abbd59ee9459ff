namespace Hdnr.Formats.Input;

/// <summary>Picks how a file is read, and opens a split of it, as Hadoop's AutoInputFormat over TextInputFormat and SequenceFileInputFormat.</summary>
public static class InputFormats
{
    /// <summary>A SequenceFile when the file starts with <c>SEQ</c> (AutoInputFormat's test), else text, decompressed by the codec its name ends with (CompressionCodecFactory).</summary>
    public static InputFormat Detect(string path)
    {
        Span<byte> magic = stackalloc byte[3];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(magic, 3, throwOnEndOfStream: false) == 3 && magic.SequenceEqual("SEQ"u8))
                return InputFormat.SequenceFile;
        }
        if (path.EndsWith(".gz", StringComparison.Ordinal)) return InputFormat.Gzip;
        if (path.EndsWith(".bz2", StringComparison.Ordinal)) return InputFormat.BZip2;
        return InputFormat.Text;
    }
}
