using Hdnr.Runtime.Jobs;

namespace Hdnr.Engine;

/// <summary>One reduce task: merges its partition of every map's spills into one sorted stream (Hadoop's shuffle and merge), feeds it to the script's Reduce and writes the output as the task's part file.</summary>
internal static class ReduceTask
{
    /// <summary>Runs reduce task <paramref name="partition"/> with retries.</summary>
    public static void Run(JobContext context, IReadOnlyList<IReadOnlyList<SpillRun>> mapOutputs, int partition)
    {
        var taskId = context.Ids.Task(isMap: false, partition);
        TaskRetry.Run(taskId, context.Job.MaxAttempts,
            attempt => Attempt(context, mapOutputs, partition, taskId, context.Ids.Attempt(isMap: false, partition, attempt)),
            attempt => Abort(context, context.Ids.Attempt(isMap: false, partition, attempt)));
        context.Progress.ReduceDone();
    }

    private static bool Attempt(JobContext context, IReadOnlyList<IReadOnlyList<SpillRun>> mapOutputs, int partition, string taskId, string attemptId)
    {
        context.Cancel.ThrowIfCancellationRequested();
        var environment = TaskEnvironment.For(context.Job, context.Io, context.Ids.JobId, taskId, attemptId, isMap: false, partition, null, context.Reducers);
        var attempt = new TaskAttempt(TaskKind.Reduce, taskId, attemptId, environment, Path.Combine(context.LocalDirectory, attemptId, "work"));
        var reporter = new CountingReporter();
        var directory = context.Committer.SetupTask(attemptId);
        var segments = mapOutputs.SelectMany(runs => runs).Where(run => run.Length(partition) > 0).ToList();
        var readers = new List<SegmentReader>(segments.Count);
        foreach (var run in segments) readers.Add(new SegmentReader(run, partition));
        using var merger = new RunMerger(readers);
        using var input = new TaskInputStream(merger, context.Io);
        using var part = new PartWriter(Path.Combine(directory, TaskIds.PartName(partition)), context.Io);
        var parser = new TaskOutputParser(part, context.Io);
        context.Launcher.Run(attempt, input, parser, reporter, context.Cancel);
        parser.Complete();
        part.Complete();
        part.Dispose();
        var counters = reporter.Counters;
        counters.Add(JobCounters.Framework, "Reduce shuffle bytes", segments.Sum(run => run.Length(partition)));
        counters.Add(JobCounters.Framework, "Reduce input records", input.Records);
        counters.Add(JobCounters.Framework, "Reduce input groups", input.Groups);
        counters.Add(JobCounters.Framework, "Reduce output records", parser.Records);
        counters.Add("File Output Format Counters", "Bytes Written", new FileInfo(part.Path).Length);
        context.Committer.CommitTask(attemptId, taskId);
        context.Counters.Add(counters);
        return true;
    }

    private static void Abort(JobContext context, string attemptId)
    {
        context.Committer.AbortTask(attemptId);
        var work = Path.Combine(context.LocalDirectory, attemptId);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
    }
}
