using System.Globalization;

namespace Hdnr.Runtime.Jobs;

/// <summary>What a script knows of the task it runs in, as its <c>Context</c> global: read once as the task starts from what Hadoop Streaming gives the task.</summary>
/// <remarks>
/// A task process reads its own environment and working directory; a task on a thread of launch-local's engine gets its
/// attempt's own, so a script that reads them here (and not through <see cref="Environment"/>) runs in-process.
/// </remarks>
public sealed class TaskContext
{
    private TaskContext(TaskKind kind, Func<string, string?> variable, string workDirectory)
    {
        Kind = Frozen.ScriptVerbs.Name(kind);
        InputFile = LocalPath(variable("mapreduce_map_input_file") ?? variable("map_input_file"));
        Id = variable("mapreduce_task_id") ?? variable("mapred_tip_id");
        AttemptId = variable("mapreduce_task_attempt_id") ?? variable("mapred_task_id");
        var attempt = AttemptId?[(AttemptId.LastIndexOf('_') + 1)..];
        Attempt = int.TryParse(attempt, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        Partition = int.TryParse(variable("mapreduce_task_partition") ?? variable("mapred_task_partition"), NumberStyles.None, CultureInfo.InvariantCulture, out var partition) ? partition : null;
        Settings = new TaskSettings(variable);
        WorkDirectory = workDirectory;
        OutputDirectory = LocalPath(variable("mapreduce_task_output_dir") ?? variable("mapred_work_output_dir"));
    }

    /// <summary>The task's kind as its verb names it: <c>map</c>, <c>reduce</c> or <c>combine</c> (a combiner runs inside a map task).</summary>
    public string Kind { get; }

    /// <summary>The file the map task's records come from (Hadoop's <c>mapreduce.map.input.file</c>): a local file's path without <c>file:</c>, another file system's URI as it is; the pipe's <c>--input-file</c> sets it; null outside a map task given one.</summary>
    public string? InputFile { get; }

    /// <summary>The task's id, e.g. <c>task_local1234_0001_m_000000</c>; null outside a job.</summary>
    public string? Id { get; }

    /// <summary>The attempt's id, e.g. <c>attempt_local1234_0001_m_000000_0</c>; null outside a job.</summary>
    public string? AttemptId { get; }

    /// <summary>The attempt's number within its task, 0 for the first; null outside a job.</summary>
    public int? Attempt { get; }

    /// <summary>The task's partition: a map's split number, a reduce's partition of the map output; null outside a job.</summary>
    public int? Partition { get; }

    /// <summary>The job's configuration, <c>-D</c> settings included, by their dotted names.</summary>
    public TaskSettings Settings { get; }

    /// <summary>The task's working directory, where its side files are.</summary>
    public string WorkDirectory { get; }

    /// <summary>The attempt's output directory (Hadoop's <c>mapreduce.task.output.dir</c>), whose files are committed with the task; a local one without <c>file:</c>; null outside a job.</summary>
    public string? OutputDirectory { get; }

    /// <summary>The context of a <paramref name="kind"/> task whose environment <paramref name="variable"/> reads and whose working directory is <paramref name="workDirectory"/>.</summary>
    public static TaskContext Of(TaskKind kind, Func<string, string?> variable, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(workDirectory);
        return new TaskContext(kind, variable, workDirectory);
    }

    /// <summary>The context of a <paramref name="kind"/> task that is this process: its environment and current directory.</summary>
    public static TaskContext OfProcess(TaskKind kind) => Of(kind, Environment.GetEnvironmentVariable, Environment.CurrentDirectory);

    // Hadoop names a local file by its URI, file:/path (file:///path elsewhere); a script compares paths.
    private static string? LocalPath(string? uri) =>
        uri is null || !uri.StartsWith("file:", StringComparison.Ordinal) ? uri
        : uri.StartsWith("file:///", StringComparison.Ordinal) ? uri["file://".Length..]
        : uri["file:".Length..];
}
