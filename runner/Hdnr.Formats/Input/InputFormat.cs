namespace Hdnr.Formats.Input;

/// <summary>How an input file is read, chosen as Hadoop's AutoInputFormat and TextInputFormat choose.</summary>
public enum InputFormat
{
    /// <summary>Uncompressed text: splittable at line boundaries.</summary>
    Text,

    /// <summary>Text compressed with gzip (named <c>*.gz</c>): one split per file.</summary>
    Gzip,

    /// <summary>Text compressed with bzip2 (named <c>*.bz2</c>): one split per file here.</summary>
    BZip2,

    /// <summary>A SequenceFile (starts with the <c>SEQ</c> magic): splittable at sync markers.</summary>
    SequenceFile,
}
