// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using System.Globalization;
using Hdnr.Runtime.Jobs;
using Hdnr.Engine.Settings;
using Hdnr.Formats.Input;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Scheduling;

/// <summary>The environment variables Hadoop Streaming gives a task: its job configuration with every character outside [0-9A-Za-z] turned into <c>_</c> (PipeMapRed.addJobConfToEnvironment), task ids and input split included.</summary>
/// <remarks>
/// In order, a later value winning: Hadoop's own defaults (<see cref="HadoopConfiguration"/>), the job's name and user,
/// the <c>-D</c> settings (a deprecated name under the name Hadoop's configuration stores it as), then what the job and
/// the task are (ids, folders, formats, the split), which a setting cannot change on Hadoop either.
/// </remarks>
internal static class TaskEnvironment
{
    /// <summary>The variables of one task attempt.</summary>
    /// <param name="outputDirectory">The attempt's directory under <c>OUTPUT/_temporary</c>, whose files are committed with the task (<c>mapreduce.task.output.dir</c>).</param>
    /// <param name="localDirectory">The attempt's scratch folder (<c>mapreduce.cluster.local.dir</c>).</param>
    public static Dictionary<string, string> For(JobContext context, string taskId, string attemptId, bool isMap, int partition,
        InputSplit? split, string outputDirectory, string localDirectory)
    {
        var job = context.Job;
        var streams = context.Streams;
        var output = streams.Output(context.Reducers);
        var user = Environment.UserName;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in HadoopConfiguration.TaskEnvironment(isMap, user, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)))
            environment[name] = value;
        var settings = new List<KeyValuePair<string, string>>
        {
            // As launch names the job; Hadoop's own default is the streaming jar's temporary name.
            new("mapreduce.job.name", "hdnr " + Path.GetFileNameWithoutExtension(job.ScriptPath)),
            new("mapreduce.job.user.name", user),
            new("user.name", user),
            new("mapreduce.job.working.dir", "file:" + Environment.CurrentDirectory),
        };
        foreach (var (key, value) in job.Configuration)
            foreach (var name in HadoopConfiguration.StoredNames(key)) settings.Add(new(name, value));
        static (string Io, string Key, string Value) Classes(WireFormat io) => io switch
        {
            WireFormat.TypedBytes => ("TypedBytes", "org.apache.hadoop.typedbytes.TypedBytesWritable", "org.apache.hadoop.typedbytes.TypedBytesWritable"),
            WireFormat.RawBytes => ("RawBytes", "org.apache.hadoop.io.BytesWritable", "org.apache.hadoop.io.BytesWritable"),
            WireFormat.KeyOnlyText => ("KeyOnlyText", "org.apache.hadoop.io.Text", "org.apache.hadoop.io.NullWritable"),
            _ => ("Text", "org.apache.hadoop.io.Text", "org.apache.hadoop.io.Text"),
        };
        settings.AddRange(
        [
            new("mapreduce.job.id", context.Ids.JobId),
            new("mapred.job.id", context.Ids.JobId),
            new("mapreduce.job.maps", context.Maps.ToString(CultureInfo.InvariantCulture)),
            new("mapreduce.job.reduces", context.Reducers.ToString(CultureInfo.InvariantCulture)),
            new("mapreduce.input.fileinputformat.numinputfiles", context.InputFiles.ToString(CultureInfo.InvariantCulture)),
            // Configuration sets a new name's deprecated aliases too when the task sets it, so tasks see both.
            new("mapreduce.task.id", taskId),
            new("mapred.tip.id", taskId),
            new("mapreduce.task.attempt.id", attemptId),
            new("mapred.task.id", attemptId),
            new("mapreduce.task.partition", partition.ToString(CultureInfo.InvariantCulture)),
            new("mapred.task.partition", partition.ToString(CultureInfo.InvariantCulture)),
            new("mapreduce.task.ismap", isMap ? "true" : "false"),
            new("mapred.task.is.map", isMap ? "true" : "false"),
            new("mapreduce.cluster.local.dir", localDirectory),
            new("mapred.local.dir", localDirectory),
            new("mapreduce.output.fileoutputformat.outputdir", "file:" + Path.GetFullPath(job.Output)),
            new("mapreduce.input.fileinputformat.inputdir", string.Join(',', job.Inputs.Select(i => "file:" + Path.GetFullPath(i)))),
            new("mapreduce.task.output.dir", "file:" + outputDirectory),
            new("mapred.work.output.dir", "file:" + outputDirectory),
            new("mapreduce.task.io.sort.mb", job.SortBufferMb.ToString(CultureInfo.InvariantCulture)),
            new("mapreduce.task.timeout", job.TaskTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)),
            // StreamJob always sets it (over a -D of the same name), and PipeMapper's ignoreKey follows it.
            new("mapred.input.format.class", context.Input.Class.Name),
            // What -io sets (Hadoop's IdentifierResolver): the classes that write a task's stdin and read its stdout, and
            // the pairs' classes; the output format is -outputformat's, or what the io implies.
            // Each stream's own, as StreamJob resolves each of stream.map.input, ... for its side.
            new("stream.map.input.writer.class", $"org.apache.hadoop.streaming.io.{Classes(streams.MapInput).Io}InputWriter"),
            new("stream.map.output.reader.class", $"org.apache.hadoop.streaming.io.{Classes(streams.MapOutput).Io}OutputReader"),
            new("stream.reduce.input.writer.class", $"org.apache.hadoop.streaming.io.{Classes(streams.ReduceInput).Io}InputWriter"),
            new("stream.reduce.output.reader.class", $"org.apache.hadoop.streaming.io.{Classes(streams.ReduceOutput).Io}OutputReader"),
            new("mapreduce.map.output.key.class", Classes(streams.MapOutput).Key),
            new("mapreduce.map.output.value.class", Classes(streams.MapOutput).Value),
            new("mapreduce.job.output.key.class", Classes(output).Key),
            new("mapreduce.job.output.value.class", Classes(output).Value),
            new("mapred.output.format.class", job.PartFormat.IsSequenceFile(output) ? OutputSettings.SequenceFileOutputFormat : OutputSettings.TextOutputFormat),
        ]);
        settings.AddRange(streams.Settings());
        // A reduce task sets the number of maps again as it starts, so the old name comes with it.
        if (!isMap) settings.Add(new("mapred.map.tasks", context.Maps.ToString(CultureInfo.InvariantCulture)));
        if (split is not null)
        {
            var file = "file:" + split.Path;
            var start = split.Start.ToString(CultureInfo.InvariantCulture);
            var length = split.Length.ToString(CultureInfo.InvariantCulture);
            settings.Add(new("mapreduce.map.input.file", file));
            settings.Add(new("mapreduce.map.input.start", start));
            settings.Add(new("mapreduce.map.input.length", length));
            settings.Add(new("map.input.file", file));
            settings.Add(new("map.input.start", start));
            settings.Add(new("map.input.length", length));
        }
        foreach (var (key, value) in settings) environment[Safe(key)] = value;
        return environment;
    }

    /// <summary>The settings Hadoop Streaming's <c>-io</c> sets: <c>stream.map.input</c> and its three siblings for typedbytes, rawbytes and keyonlytext; none for text.</summary>
    public static KeyValuePair<string, string>[] IoSettings(WireFormat io) =>
        io == WireFormat.Text ? []
            : [.. new[] { "stream.map.input", "stream.map.output", "stream.reduce.input", "stream.reduce.output" }.Select(name => KeyValuePair.Create(name, TaskIo.Name(io)))];

    /// <summary>A configuration key as a variable name: each character outside [0-9A-Za-z] becomes <c>_</c>.</summary>
    public static string Safe(string key) => TaskSettings.VariableName(key);

}
