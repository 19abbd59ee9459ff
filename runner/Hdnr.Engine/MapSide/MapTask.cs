// Map side: a map task, and the buffer that partitions and sorts its output.
using Hdnr.Engine.Input;
using Hdnr.Engine.Scheduling;
using Hdnr.Engine.Scratch;
using Hdnr.Engine.Shuffle;
using Hdnr.Engine.Spill;
using Hdnr.Formats.Counters;
using Hdnr.Formats.Input;
using Hdnr.Formats.Output;
using Hdnr.Formats.Shuffle;
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
        var reporter = new CountingReporter(TaskKind.Map, context.Progress);
        // What PipeMapper writes follows the task's configuration (stream.map.input.ignoreKey, the field separator), which
        // the in-process task reads the same way.
        var io = TaskIo.FromEnvironment(TaskKind.Map, null, name => environment.GetValueOrDefault(name));
        using var input = MapInput.Open(split, context.Streams.MapInput, context.Input, io.Input == WireFormat.Text ? io.MapInputSeparator : null);
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
            // PipeMapRunner reads a mapper's stdout from before its first record: what a map task with an empty split writes is kept.
            context.Launcher.Run(attempt, input, output, reporter, context.Cancel);
            part.Complete();
            part.Dispose();
            // A map-only task writes straight to its part file, as Hadoop's DirectMapOutputCollector, which counts no output bytes.
            counters.Add(HadoopCounters.MapOutputRecords, output.Records);
            counters.Add(HadoopCounters.SpilledRecords, 0);
            counters.Add(HadoopCounters.FailedShuffles, 0);
            counters.Add(HadoopCounters.MergedMapOutputs, 0);
            counters.Add(HadoopCounters.BytesWritten, HadoopCounters.LocalFileBytes(new FileInfo(part.Path).Length));
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
            var accounting = SpillAccounting.For(context.Job.SortBufferMb, context.Job.SpillPercent, context.Io);
            var buffer = new MapOutputBuffer(context.Reducers, context.Job.Partitioner, context.Job.KeyOrder, accounting,
                () => new SpillWriter(Path.Combine(work, $"spill{spills++}.out"), context.Reducers, accounting), combine);
            using (var collect = new CollectThread(buffer, attemptId))
            {
                context.Launcher.Run(attempt, input, collect, reporter, context.Cancel);
                collect.Complete();
            }
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
            if (combine is not null && runs.Count > 1 && runs.Count >= context.Job.MinSpillsForCombine)
                runs = [CombineSpills(context, runs, Path.Combine(work, "file.out"), accounting, combine, counters)];
            // Hadoop merges several spills into the map's output file, writing every pair once more, and those its
            // intermediate passes read once more again.
            else if (runs.Count > 1)
                counters.Add(HadoopCounters.SpilledRecords, buffer.SpilledRecords + Enumerable.Range(0, context.Reducers).Sum(p => MergePlan.Of(runs, p, context.Job.SortFactor).IntermediateRecords));
            counters.Add(HadoopCounters.MapOutputMaterializedBytes, Enumerable.Range(0, context.Reducers).Sum(p => SpillRun.MergedHadoopLength(runs, p)));
        }
        counters.Add(HadoopCounters.MapInputRecords, input.Records);
        counters.Add(HadoopCounters.BytesRead, input.Bytes + MagicCheckBytes(context.Input.Class, split));
        context.Committer.CommitTask(attemptId, taskId);
        context.Counters.Add(counters);
        context.Progress.MapDone(split.Length - reported);
        return runs;
    }

    // Hadoop's mergeParts: with a combiner and enough spills, the map task merges its spills partition by partition
    // and runs the combiner over each merged partition, so its output holds one combined pair per key.
    private static SpillRun CombineSpills(JobContext context, IReadOnlyList<SpillRun> spills, string path, SpillAccounting accounting,
        Action<IPairSource, IPairSink> combine, JobCounters counters)
    {
        SpillRun merged;
        using (var writer = new SpillWriter(path, context.Reducers, accounting))
        {
            for (var partition = 0; partition < context.Reducers; partition++)
            {
                writer.StartPartition(partition);
                if (spills.All(run => run.Length(partition) == 0)) continue;
                var plan = MergePlan.Of(spills, partition, context.Job.SortFactor);
                counters.Add(HadoopCounters.SpilledRecords, plan.IntermediateRecords);
                using var merger = plan.Open(spill => new SegmentReader(spills[spill], partition), context.Job.KeyOrder);
                var source = new SegmentSource(merger);
                var sink = new CountingSink(writer);
                combine(source, sink);
                counters.Add(HadoopCounters.CombineInputRecords, source.Records);
                counters.Add(HadoopCounters.CombineOutputRecords, sink.Records);
            }
            merged = writer.Complete();
            counters.Add(HadoopCounters.SpilledRecords, writer.Records);
        }
        foreach (var spill in spills) File.Delete(spill.Path);
        return merged;
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

    // AutoInputFormat opens each split's file once more to read its first four bytes (the SequenceFile magic) through a
    // buffer of io.file.buffer.size (4096) bytes, which Hadoop's file system counts as read.
    private static long MagicCheckBytes(InputFormatClass format, InputSplit split) =>
        format == InputFormatClass.Auto ? Math.Min(4096, split.FileLength) : 0;

    private static void Abort(JobContext context, string attemptId)
    {
        context.Committer.AbortTask(attemptId);
        var work = Path.Combine(context.LocalDirectory, attemptId);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
    }
}
