using System.Text.RegularExpressions;

namespace Hdnr.Hadoop.Launching;

/// <summary>Finds what a failed job's tasks printed on stderr, so the user sees the script's own error and not only Java's "subprocess failed with code 1".</summary>
internal static partial class TaskErrors
{
    /// <summary>The YARN application the client submitted, from its output.</summary>
    public static string? ApplicationId(string clientOutput) =>
        ApplicationPattern().Match(clientOutput) is { Success: true } match ? match.Value : null;

    /// <summary>The lines the tasks wrote on stderr themselves: the client's output in local mode, <c>yarn logs</c> on YARN.</summary>
    public static IReadOnlyList<string> Find(HadoopInstallation hadoop, string clientOutput)
    {
        if (ApplicationId(clientOutput) is not { } application)
            return ScriptLines(clientOutput);
        // Log aggregation finishes a moment after the application does: ask again until the containers' logs are there.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var logs = ToolProcess.Run([hadoop.Yarn, "logs", "-applicationId", application], stream: false);
            if (logs.ExitCode == 0 && logs.Output.Contains("End of LogType:", StringComparison.Ordinal))
            {
                var lines = ScriptLines(string.Join('\n', StderrSections(logs.Output)));
                return lines.Count > 0 ? lines : ScriptLines(clientOutput);
            }
            Thread.Sleep(TimeSpan.FromSeconds(2));
        }
        return ScriptLines(clientOutput);
    }

    /// <summary>The contents of every container's stderr log in <c>yarn logs</c> output, as Hadoop 2 (<c>Log Contents:</c>) and Hadoop 3 (<c>LogContents:</c>, an empty log as its end line alone) print it.</summary>
    internal static IEnumerable<string> StderrSections(string logs)
    {
        var inStderr = false;
        var inContents = false;
        foreach (var line in logs.Split('\n'))
        {
            if (line.StartsWith("LogType:", StringComparison.Ordinal))
            {
                inStderr = line.Trim() == "LogType:stderr";
                inContents = false;
            }
            else if (inStderr && (line.StartsWith("Log Contents:", StringComparison.Ordinal) || line.StartsWith("LogContents:", StringComparison.Ordinal)))
            {
                inContents = true;
            }
            else if (line.StartsWith("End of LogType:", StringComparison.Ordinal))
            {
                inStderr = inContents = false;
            }
            else if (inContents)
            {
                yield return line;
            }
        }
    }

    /// <summary>The lines that are neither Hadoop's logging, Java stack traces nor reporter protocol: what the script (or hdnr in the task) printed.</summary>
    internal static IReadOnlyList<string> ScriptLines(string output) =>
        output.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Trim().Length > 0 && !IsHadoops(l))
            .Distinct()
            .Take(20)
            .ToList();

    private static bool IsHadoops(string line) =>
        LogLinePattern().IsMatch(line) || line.StartsWith('\t') || line.StartsWith("    at ", StringComparison.Ordinal)
        || line.StartsWith("reporter:", StringComparison.Ordinal) || line.StartsWith("log4j:", StringComparison.Ordinal)
        || JavaExceptionPattern().IsMatch(line) || line.StartsWith("Caused by: ", StringComparison.Ordinal)
        || line.StartsWith("Streaming Command Failed", StringComparison.Ordinal) || line.StartsWith("Error: java.", StringComparison.Ordinal)
        || line.StartsWith("Job failed as tasks failed", StringComparison.Ordinal) || line.StartsWith("packageJobJar", StringComparison.Ordinal)
        || line.StartsWith("SLF4J:", StringComparison.Ordinal) || line.StartsWith("Java HotSpot", StringComparison.Ordinal)
        || line.StartsWith("WARNING:", StringComparison.Ordinal) || line.TrimStart().StartsWith("... ", StringComparison.Ordinal)
        || CounterPattern().IsMatch(line) || JavaUtilLoggingPattern().IsMatch(line);

    // java.util.logging's two-line records, as the ApplicationMaster's web layer writes them on its stderr.
    [GeneratedRegex(@"^([A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d:\d\d [AP]M |(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): )")]
    private static partial Regex JavaUtilLoggingPattern();

    [GeneratedRegex(@"application_\d+_\d+")]
    private static partial Regex ApplicationPattern();

    // log4j's console layout: "yy/MM/dd HH:mm:ss LEVEL class: message", or a full date.
    [GeneratedRegex(@"^(\d\d/\d\d/\d\d|\d{4}-\d\d-\d\d)[ T]\d\d:\d\d:\d\d")]
    private static partial Regex LogLinePattern();

    [GeneratedRegex(@"^([a-z]+\.)+[A-Za-z$]*(Exception|Error)\b")]
    private static partial Regex JavaExceptionPattern();

    // The job's counters, as the client prints them at the end: "\t\tName=value" (leading tabs already excluded), or "Counters: 30".
    [GeneratedRegex(@"^\s*(Counters: \d+|[A-Za-z ()_-]+=\d+)$")]
    private static partial Regex CounterPattern();
}
