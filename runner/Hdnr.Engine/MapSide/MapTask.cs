// Map side: a map task, and the buffer that partitions and sorts its output.
using Hdnr.Engine.Input;
using Hdnr.Engine.Scheduling;
using Hdnr.Engine.Scratch;
using Hdnr.Engine.Spill;
using Hdnr.Formats.Counters;
using Hdnr.Formats.Input;
using Hdnr.Formats.Output;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.MapSide;

/// <summary>One map task: reads its split as Hadoop's record reader and PipeMapper feed a streaming mapper, runs the script's Map, and either collects, sorts, combines and spills the output for the reducers or, in a map-only job, writes it as the task's part file.</summary>
internal static class MapTask
{
    /// <summary>Runs map task <paramref name="index"/> with retries; its spills (none in a map-only job).</summary>
    public static IReadOnlyList<SpillRun> Run(JobContext context, InputSplit split, int index)
    {
        var taskId = context.Ids.Task(isMap: true, index);
        var runs = TaskRetry.Run(taskId, TaskKind.Map, context.Job.MaxAttempts, attempt => context.Ids.Attempt(isMap: true, index, attempt),
            attempt => Attempt(context, split, index, taskId, context.Ids.Attempt(isMap: true, index, attempt)),
            attempt => Abort(context, context.Ids.Attempt(isMap: true, index, attempt)), context.Progress, context.Cancel);
        return runs;
    }

    private static IReadOnlyList<SpillRun> Attempt(JobContext context, InputSplit split, int index, string taskId, string attemptId)
    {
        context.Cancel.ThrowIfCancellationRequested();
        // Every attempt gets its output directory, as Hadoop's committer gives it: side files a task writes there are committed with it.
        var directory = context.Committer.SetupTask(attemptId);
        var work = Path.Combine(context.LocalDirectory, attemptId);
        var environment = TaskEnvironment.For(context, taskId, attemptId, isMap: true, index, split, directory, work);
        var attempt = new TaskAttempt(TaskKind.Map, taskId, attemptId, environment, Path.Combine(work, "work"));
        var reporter = new CountingReporter(context.Progress);
        // What PipeMapper writes follows the task's configuration (stream.map.input.ignoreKey, the field separator), which
        // the in-process task reads the same way.
        var io = TaskIo.FromEnvironment(TaskKind.Map, null, name => environment.GetValueOrDefault(name));
        using var input = MapInput.Open(split, context.Io, context.Input, io.Input == WireFormat.Text ? io.MapInputSeparator : null);
        var reported = 0L;
        input.Progress = bytes =>
        {
            reported += bytes;
            context.Progress.MapDone(bytes);
        };
        IReadOnlyList<SpillRun> runs;
        var counters = reporter.Counters;
        if (context.Reducers == 0)
        {
            using var part = new PartWriter(Path.Combine(directory, context.Job.PartFormat.FileName(TaskIds.PartName(index), context.Io)), context.Io, context.Job.PartFormat);
            var output = new CountingSink(part);
            context.Launcher.Run(attempt, input, new UnfedTaskGate(output, () => input.Records), reporter, context.Cancel);
            part.Complete();
            part.Dispose();
            // A map-only task writes straight to its part file, as Hadoop's DirectMapOutputCollector, which counts no output bytes.
            counters.Add(HadoopCounters.MapOutputRecords, output.Records);
            counters.Add(HadoopCounters.BytesWritten, new FileInfo(part.Path).Length);
            runs = [];
        }
        else
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(work);
            else Directory.CreateDirectory(work, ScratchDirectory.DirectoryMode);
            var spills = 0;
            var combineNumber = 0;
            Action<IPairSource, IPairSink>? combine = context.Job.HasCombine
                ? (source, sink) => Combine(context, attempt, combineNumber++, source, sink, reporter)
                : null;
            var buffer = new MapOutputBuffer(context.Reducers, context.Job.Partitioner, context.Job.KeyOrder, (long)context.Job.SortBufferMb << 20,
                () => new SpillWriter(Path.Combine(work, $"spill{spills++}.out"), context.Reducers), combine);
            context.Launcher.Run(attempt, input, new UnfedTaskGate(buffer, () => input.Records), reporter, context.Cancel);
            buffer.Flush();
            buffer.Release();
            counters.Add(HadoopCounters.MapOutputRecords, buffer.Records);
            counters.Add(HadoopCounters.MapOutputBytes, buffer.Bytes);
            counters.Add(HadoopCounters.SpilledRecords, buffer.SpilledRecords);
            counters.Add(HadoopCounters.CombineInputRecords, buffer.CombineInputRecords);
            counters.Add(HadoopCounters.CombineOutputRecords, buffer.CombineOutputRecords);
            // Not one of Hadoop's counters: how often the sort buffer filled, in hdnr's own group.
            counters.Add(HdnrCounters.Group, "Map spills", buffer.Runs.Count);
            runs = buffer.Runs;
        }
        counters.Add(HadoopCounters.MapInputRecords, input.Records);
        counters.Add(HadoopCounters.BytesRead, input.Bytes);
        context.Committer.CommitTask(attemptId, taskId);
        context.Counters.Add(counters);
        context.Progress.MapDone(split.Length - reported);
        return runs;
    }

    // Hadoop runs the combiner inside the map task, on each partition of each spill, with the map task's configuration.
    private static void Combine(JobContext context, TaskAttempt map, int number, IPairSource source, IPairSink sink, CountingReporter reporter)
    {
        var attempt = map with { Kind = TaskKind.Combine, WorkDirectory = Path.Combine(Path.GetDirectoryName(map.WorkDirectory)!, $"combine{number}") };
        context.Progress.Attempt($"{map.AttemptId} combine{number}", TaskKind.Combine, () =>
        {
            context.Launcher.Run(attempt, source, sink, reporter, context.Cancel);
            return true;
        }, context.Cancel);
    }

    private static void Abort(JobContext context, string attemptId)
    {
        context.Committer.AbortTask(attemptId);
        var work = Path.Combine(context.LocalDirectory, attemptId);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
    }
}
