namespace Hdnr.Formats.SequenceFiles;

/// <summary>How a SequenceFile compresses its records.</summary>
public enum SequenceFileCompression
{
    /// <summary>Keys and values as they are.</summary>
    None,

    /// <summary>Each value compressed on its own; keys as they are.</summary>
    Record,

    /// <summary>Runs of records compressed together, keys and values in separate buffers.</summary>
    Block,
}
