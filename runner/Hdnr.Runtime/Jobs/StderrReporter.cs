namespace Hdnr.Runtime.Jobs;

/// <summary>Reports counters and status to Hadoop the streaming way: <c>reporter:</c> lines on standard error.</summary>
/// <remarks>
/// Hadoop's PipeMapRed reads stderr line by line; a counter line is split at every comma and needs exactly three
/// columns, then group and name are used as they are and the rest of a status line is trimmed. So commas in a group
/// or name become spaces, line breaks anywhere become spaces, and the text is trimmed the way Hadoop will see it.
/// </remarks>
public sealed class StderrReporter(TextWriter stderr) : ITaskReporter
{
    private readonly Lock _gate = new();

    /// <summary>A reporter on the process's standard error.</summary>
    public StderrReporter()
        : this(Console.Error)
    {
    }

    public void Counter(string group, string name, long amount)
    {
        var line = $"reporter:counter:{Column(group)},{Column(name)},{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        WriteLine(line);
    }

    public void Status(string message) => WriteLine($"reporter:status:{OneLine(message ?? "")}");

    private void WriteLine(string line)
    {
        // Scripts may report from several threads; each line must reach stderr whole.
        lock (_gate)
        {
            stderr.Write(line + "\n");
            stderr.Flush();
        }
    }

    private static string Column(string text) => OneLine((text ?? "").Replace(',', ' '));

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Replace('\r', ' ').Replace('\n', ' ').Trim();
}
