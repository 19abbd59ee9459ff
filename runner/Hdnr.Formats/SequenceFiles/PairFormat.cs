namespace Hdnr.Formats.SequenceFiles;

/// <summary>How readtb prints pairs and writetb reads them.</summary>
public enum PairFormat
{
    /// <summary>One pair a line, Python-repr-like: strings quoted, bytes as hex, a tab between key and value.</summary>
    Readable,

    /// <summary>A raw typed bytes stream: key, value, key, value ... (what Hadoop's dumptb prints and loadtb reads).</summary>
    TypedBytes,

    /// <summary>One pair a line as Hadoop's text output writes it: key, a tab, value; strings as they are.</summary>
    Tsv,
}
