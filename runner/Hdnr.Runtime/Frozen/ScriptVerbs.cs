using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Pipes;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Frozen;

/// <summary>The script verbs (doc, info, map, reduce, combine, pipe) as both <c>hdnr SCRIPT VERB</c> and a frozen executable run them.</summary>
public static class ScriptVerbs
{
    /// <summary>The verb's name for a task: <c>map</c>, <c>reduce</c> or <c>combine</c>.</summary>
    public static string Name(TaskKind kind) => kind switch
    {
        TaskKind.Map => "map",
        TaskKind.Reduce => "reduce",
        TaskKind.Combine => "combine",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The task named <paramref name="name"/> (any case), or null.</summary>
    public static TaskKind? Parse(string name) => name.ToLowerInvariant() switch
    {
        "map" => TaskKind.Map,
        "reduce" => TaskKind.Reduce,
        "combine" => TaskKind.Combine,
        _ => null,
    };

    /// <summary>What a script run without a verb prints (then it exits 1, as a hadoopy script does).</summary>
    public static string DocText(string doc) => doc + "\n";

    /// <summary>The message for a task the script does not define.</summary>
    public static string NoSuchTask(string script, TaskKind kind) =>
        $"{script} defines no {kind} function, so it has no '{Name(kind)}' task.";

    /// <summary>Runs one streaming task of <paramref name="job"/> from <paramref name="input"/> to <paramref name="output"/> (closed at the end), with the wire formats <c>--io</c> or Hadoop's environment give.</summary>
    public static int RunTask(ScriptJob job, TaskKind kind, string? io, Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(output);
        var taskIo = TaskIo.FromEnvironment(kind, io);
        // A later step reads the previous step's pairs: piped by hand as text, each line is key TAB value, as a task
        // given a SequenceFile through AutoInputFormat reads it (a cluster's variables say so themselves).
        if (job.Shape.Step > 1 && kind == TaskKind.Map && Environment.GetEnvironmentVariable("mapred_input_format_class") is null)
            taskIo = taskIo with { MapInputSeparator = TaskIo.MapInputFieldSeparator(Environment.GetEnvironmentVariable) };
        using (output)
            StreamingTask.Run(job, kind, taskIo, input, output);
        return 0;
    }

    /// <summary>Runs a task in the process's own stdin and stdout, hopped away from the script first when <paramref name="pipe"/> (hadoopy's pipe hopping).</summary>
    /// <param name="createJob">Sets the script up; called after the wire formats are known and before the hop, so its failures reach stderr either way.</param>
    public static int RunTask(Func<TaskContext, ScriptJob> createJob, TaskKind kind, string? io, bool pipe)
    {
        ArgumentNullException.ThrowIfNull(createJob);
        var context = TaskContext.OfProcess(kind);
        if (!pipe)
            return RunTask(createJob(context), kind, io, Console.OpenStandardInput(), Console.OpenStandardOutput());
        var (input, output) = PipeHop.Hop();
        return RunTask(createJob(context), kind, io, input, output);
    }
}
