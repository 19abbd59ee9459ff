namespace Hdnr.Formats.SequenceFiles;

/// <summary>The key and value classes a SequenceFile's header names, which decide how each pair is serialized.</summary>
public sealed record SequenceFileClasses(string KeyClass, string ValueClass)
{
    /// <summary>TypedBytesWritable keys and values: what <c>-io typedbytes</c> makes Hadoop Streaming write.</summary>
    public static SequenceFileClasses TypedBytes { get; } = new(HadoopWritables.TypedBytesWritable, HadoopWritables.TypedBytesWritable);

    /// <summary>Text keys and values: what text io makes Hadoop Streaming write.</summary>
    public static SequenceFileClasses Text { get; } = new(HadoopWritables.Text, HadoopWritables.Text);

    /// <summary>BytesWritable keys and values: what <c>-io rawbytes</c> makes Hadoop Streaming write.</summary>
    public static SequenceFileClasses Bytes { get; } = new(HadoopWritables.BytesWritable, HadoopWritables.BytesWritable);

    /// <summary>Text keys and NullWritable values: what <c>-io keyonlytext</c> makes Hadoop Streaming write.</summary>
    public static SequenceFileClasses KeyOnlyText { get; } = new(HadoopWritables.Text, HadoopWritables.NullWritable);
}
