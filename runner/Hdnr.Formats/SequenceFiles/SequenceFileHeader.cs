namespace Hdnr.Formats.SequenceFiles;

/// <summary>What a SequenceFile's header says: version, key and value classes, compression, metadata, sync marker, and where the records start.</summary>
public sealed record SequenceFileHeader(
    int Version,
    string KeyClassName,
    string ValueClassName,
    SequenceFileCompression Compression,
    string? CodecClassName,
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    ReadOnlyMemory<byte> Sync,
    long DataOffset)
{
    /// <summary>Hadoop's class name for typed bytes keys and values.</summary>
    public const string TypedBytesWritable = "org.apache.hadoop.typedbytes.TypedBytesWritable";

    /// <summary>Hadoop's class name for the default (zlib) codec.</summary>
    public const string DefaultCodec = "org.apache.hadoop.io.compress.DefaultCodec";
}
