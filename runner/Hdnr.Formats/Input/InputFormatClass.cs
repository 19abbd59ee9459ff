namespace Hdnr.Formats.Input;

/// <summary>A Hadoop Streaming input format (<c>-inputformat</c>): the class streaming sets as <c>mapred.input.format.class</c>, one of those launch-local reads as Hadoop does.</summary>
/// <param name="Name">The class's full name, as a task sees it in <c>mapred_input_format_class</c>.</param>
public sealed record InputFormatClass(string Name)
{
    /// <summary>TextInputFormat: each line, keyed by its file offset (a key PipeMapper leaves out by default).</summary>
    public static InputFormatClass Text { get; } = new("org.apache.hadoop.mapred.TextInputFormat");

    /// <summary>KeyValueTextInputFormat: each line cut at the first key/value separator byte.</summary>
    public static InputFormatClass KeyValueText { get; } = new("org.apache.hadoop.mapred.KeyValueTextInputFormat");

    /// <summary>NLineInputFormat: text, N lines per split (<c>mapreduce.input.lineinputformat.linespermap</c>).</summary>
    public static InputFormatClass NLine { get; } = new("org.apache.hadoop.mapred.lib.NLineInputFormat");

    /// <summary>SequenceFileInputFormat: a SequenceFile's Writables.</summary>
    public static InputFormatClass SequenceFile { get; } = new("org.apache.hadoop.mapred.SequenceFileInputFormat");

    /// <summary>SequenceFileAsTextInputFormat: a SequenceFile's key and value as the text of each Writable.</summary>
    public static InputFormatClass SequenceFileAsText { get; } = new("org.apache.hadoop.mapred.SequenceFileAsTextInputFormat");

    /// <summary>Streaming's AutoInputFormat: SequenceFiles as SequenceFileInputFormat reads them, other files as TextInputFormat.</summary>
    public static InputFormatClass Auto { get; } = new("org.apache.hadoop.streaming.AutoInputFormat");

    /// <summary>Streaming's StreamInputFormat (what <c>-inputreader</c> sets): the record reader <c>stream.recordreader.class</c> names, else KeyValueTextInputFormat's.</summary>
    public static InputFormatClass StreamInput { get; } = new("org.apache.hadoop.streaming.StreamInputFormat");

    private static readonly InputFormatClass[] Known = [Text, KeyValueText, NLine, SequenceFile, SequenceFileAsText, Auto, StreamInput];

    // The four old-API classes StreamJob also takes by their simple name (setJobConf compares getName, getCanonicalName and getSimpleName).
    private static readonly InputFormatClass[] BySimpleName = [Text, KeyValueText, SequenceFile, SequenceFileAsText];

    /// <summary>The class <c>-inputformat SPEC</c> names, as StreamJob finds it; null for a class launch-local does not read.</summary>
    /// <remarks>
    /// Any other name is a class StreamJob loads, a name without a dot in streaming's own package (StreamUtil.goodClassOrNull),
    /// so <c>AutoInputFormat</c> is streaming's. The new API's classes (<c>org.apache.hadoop.mapreduce.lib.input.*</c>) are
    /// no <c>org.apache.hadoop.mapred.InputFormat</c>, which Hadoop refuses too.
    /// </remarks>
    public static InputFormatClass? Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (BySimpleName.FirstOrDefault(c => c.Name.EndsWith("." + spec, StringComparison.Ordinal)) is { } simple) return simple;
        var name = spec.Contains('.') ? spec : "org.apache.hadoop.streaming." + spec;
        return Known.FirstOrDefault(c => c.Name == name);
    }

    /// <summary>Whether the class reads SequenceFiles only.</summary>
    public bool ReadsSequenceFiles => this == SequenceFile || this == SequenceFileAsText;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
