// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using System.Globalization;
using System.Text;
using Hdnr.Formats.Input;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Scheduling;

/// <summary>The environment variables Hadoop Streaming gives a task: its job configuration with every character outside [0-9A-Za-z] turned into <c>_</c> (PipeMapRed.addJobConfToEnvironment), task ids and input split included.</summary>
internal static class TaskEnvironment
{
    /// <summary>The variables of one task attempt.</summary>
    /// <param name="outputDirectory">The attempt's directory under <c>OUTPUT/_temporary</c>, whose files are committed with the task (<c>mapreduce.task.output.dir</c>).</param>
    public static Dictionary<string, string> For(JobDescription job, WireFormat io, string jobId, string taskId, string attemptId,
        bool isMap, int partition, InputSplit? split, int reducers, string outputDirectory)
    {
        var settings = new List<KeyValuePair<string, string>>
        {
            new("mapreduce.job.id", jobId),
            new("mapreduce.job.reduces", reducers.ToString(CultureInfo.InvariantCulture)),
            new("mapreduce.task.id", taskId),
            new("mapreduce.task.attempt.id", attemptId),
            new("mapreduce.task.partition", partition.ToString(CultureInfo.InvariantCulture)),
            new("mapreduce.task.ismap", isMap ? "true" : "false"),
            new("mapreduce.output.fileoutputformat.outputdir", "file:" + Path.GetFullPath(job.Output)),
            new("mapreduce.input.fileinputformat.inputdir", string.Join(',', job.Inputs.Select(i => "file:" + Path.GetFullPath(i)))),
            new("mapreduce.task.output.dir", "file:" + outputDirectory),
            // Hadoop 2.8.5 sets the old API's name too (Configuration's deprecated alias); streaming tasks see both.
            new("mapred.work.output.dir", "file:" + outputDirectory),
            new("mapreduce.task.io.sort.mb", job.SortBufferMb.ToString(CultureInfo.InvariantCulture)),
        };
        settings.AddRange(IoSettings(io));
        if (split is not null)
        {
            var file = "file:" + split.Path;
            var start = split.Start.ToString(CultureInfo.InvariantCulture);
            var length = split.Length.ToString(CultureInfo.InvariantCulture);
            settings.Add(new("mapreduce.map.input.file", file));
            settings.Add(new("mapreduce.map.input.start", start));
            settings.Add(new("mapreduce.map.input.length", length));
            // The deprecated names Hadoop 2 still sets alongside.
            settings.Add(new("map.input.file", file));
            settings.Add(new("map.input.start", start));
            settings.Add(new("map.input.length", length));
        }
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in job.Configuration.Concat(settings)) environment[Safe(key)] = value;
        return environment;
    }

    /// <summary>The settings Hadoop Streaming's <c>-io</c> sets: <c>stream.map.input</c> and its three siblings for typedbytes, rawbytes and keyonlytext; none for text.</summary>
    public static KeyValuePair<string, string>[] IoSettings(WireFormat io) =>
        io == WireFormat.Text ? []
            : [.. new[] { "stream.map.input", "stream.map.output", "stream.reduce.input", "stream.reduce.output" }.Select(name => KeyValuePair.Create(name, TaskIo.Name(io)))];

    /// <summary>A configuration key as a variable name: each character outside [0-9A-Za-z] becomes <c>_</c>.</summary>
    public static string Safe(string key)
    {
        var name = new StringBuilder(key.Length);
        foreach (var c in key) name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return name.ToString();
    }

}
