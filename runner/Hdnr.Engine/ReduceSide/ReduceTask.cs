// Reduce side: a reduce task and the sorted input it reads.
using Hdnr.Engine.MapSide;
using Hdnr.Engine.Scheduling;
using Hdnr.Engine.Scratch;
using Hdnr.Engine.Shuffle;
using Hdnr.Engine.Spill;
using Hdnr.Formats.Counters;
using Hdnr.Formats.Output;
using Hdnr.Formats.Shuffle;
using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.ReduceSide;

/// <summary>One reduce task: merges its partition of every map's spills into one sorted stream (Hadoop's shuffle and merge), feeds it to the script's Reduce and writes the output as the task's part file.</summary>
internal static class ReduceTask
{
    /// <summary>Runs reduce task <paramref name="partition"/> with retries.</summary>
    public static void Run(JobContext context, IReadOnlyList<IReadOnlyList<SpillRun>> mapOutputs, int partition)
    {
        var taskId = context.Ids.Task(isMap: false, partition);
        TaskRetry.Run(taskId, TaskKind.Reduce, context.Job.ReduceMaxAttempts, attempt => context.Ids.Attempt(isMap: false, partition, attempt),
            attempt => Attempt(context, mapOutputs, partition, taskId, context.Ids.Attempt(isMap: false, partition, attempt)),
            attempt => Abort(context, context.Ids.Attempt(isMap: false, partition, attempt)), context.Progress, context.Cancel);
        context.Progress.ReduceDone();
    }

    private static bool Attempt(JobContext context, IReadOnlyList<IReadOnlyList<SpillRun>> mapOutputs, int partition, string taskId, string attemptId)
    {
        context.Cancel.ThrowIfCancellationRequested();
        var directory = context.Committer.SetupTask(attemptId);
        var work = Path.Combine(context.LocalDirectory, attemptId);
        var environment = TaskEnvironment.For(context, taskId, attemptId, isMap: false, partition, null, directory, work);
        var attempt = new TaskAttempt(TaskKind.Reduce, taskId, attemptId, environment, Path.Combine(context.LocalDirectory, attemptId, "work"));
        var reporter = new CountingReporter(TaskKind.Reduce, context.Progress);
        // Each reduce task fetches every map task's segment, an empty one too, in the form Hadoop's map task wrote it.
        var shuffleBytes = mapOutputs.Where(runs => runs.Count > 0).Sum(runs => SpillRun.MergedHadoopLength(runs, partition));
        // Each map task's output as Hadoop's map task merged its spills; then the maps' outputs, map by map for equal keys.
        var maps = mapOutputs.Where(runs => runs.Any(run => run.Length(partition) > 0))
            .Select(runs => MapOutput(runs, partition, context.Job.KeyOrder, context.Job.SortFactor)).ToList();
        using var merger = new RunMerger(MergePasses(maps, context.Job.KeyOrder, work, context.Cancel), context.Job.KeyOrder);
        var input = new CountingSource(merger, context.Cancel, JobProgress.HeaviestKeyCount);
        var io = context.Streams.ReduceOutput;
        using var part = new PartWriter(Path.Combine(directory, context.Job.PartFormat.FileName(TaskIds.PartName(partition), io)), io, context.Job.PartFormat);
        var output = new CountingSink(part);
        try
        {
            context.Launcher.Run(attempt, input, new UnfedTaskGate(output, () => input.Records), reporter, context.Cancel);
        }
        finally
        {
            // Whatever the attempt's end, its load so far: the reducer that fails on a skewed key is the one to see.
            context.Progress.Reducer(new ReducerLoad(partition, input.Records, shuffleBytes,
                input.Heaviest.Top.Select(k => new KeyLoad(KeyText(k.Key, context.Io), k.Records)).ToList()));
        }
        part.Complete();
        part.Dispose();
        var counters = reporter.Counters;
        counters.Add(HadoopCounters.ReduceShuffleBytes, shuffleBytes);
        counters.Add(HadoopCounters.ReduceInputRecords, input.Records);
        counters.Add(HadoopCounters.ReduceInputGroups, input.Groups);
        counters.Add(HadoopCounters.ReduceOutputRecords, output.Records);
        // Hadoop's local mode keeps no map output in memory for the reduce (mapreduce.reduce.input.buffer.percent is 0):
        // it writes the merged input to disk first, so every input pair is spilled once more.
        counters.Add(HadoopCounters.SpilledRecords, input.Records);
        counters.Add(HadoopCounters.ShuffledMaps, mapOutputs.Count);
        counters.Add(HadoopCounters.FailedShuffles, 0);
        counters.Add(HadoopCounters.MergedMapOutputs, mapOutputs.Count);
        foreach (var error in HadoopCounters.ShuffleErrors) counters.Add(error, 0);
        counters.Add(HadoopCounters.BytesWritten, HadoopCounters.LocalFileBytes(new FileInfo(part.Path).Length));
        context.Committer.CommitTask(attemptId, taskId);
        context.Counters.Add(counters);
        return true;
    }

    /// <summary>How many segments one merge reads at once (Hadoop's <c>mapreduce.task.io.sort.factor</c> is 10; a larger factor costs only a 64 KiB buffer per segment).</summary>
    private const int MergeFactor = 64;

    // One map task's segments of the partition, opened when the merge needs them.
    private static Func<SortedSegment> MapOutput(IReadOnlyList<SpillRun> runs, int partition, KeyOrder order, int factor)
    {
        if (runs.Count == 1) return () => new SegmentReader(runs[0], partition);
        var plan = MergePlan.Of(runs, partition, factor);
        return () => plan.Open(spill => new SegmentReader(runs[spill], partition), order);
    }

    // While there are more map outputs than the factor, merge the first ones (in order, so equal keys keep the maps'
    // order) into one file, so a reducer never holds more than MergeFactor of them open.
    private static List<SortedSegment> MergePasses(List<Func<SortedSegment>> maps, KeyOrder order, string work, CancellationToken cancel)
    {
        var pass = 0;
        while (maps.Count > MergeFactor)
        {
            cancel.ThrowIfCancellationRequested();
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(work);
            else Directory.CreateDirectory(work, ScratchDirectory.DirectoryMode);
            SpillRun merged;
            using (var merger = new RunMerger([.. maps.Take(MergeFactor).Select(open => open())], order))
            using (var writer = new SpillWriter(Path.Combine(work, $"merge{pass++}.out"), 1))
            {
                writer.StartPartition(0);
                while (merger.Next(out var key, out var value)) writer.Add(key, value);
                merged = writer.Complete();
            }
            maps = [() => new SegmentReader(merged, 0), .. maps.Skip(MergeFactor)];
        }
        return [.. maps.Select(open => open())];
    }

    // A key as a person reads it: typed bytes as readtb prints them, any other key as text.
    private static string KeyText(byte[] key, WireFormat io)
    {
        if (io == WireFormat.TypedBytes)
        {
            try
            {
                return TypedBytesText.Format(TypedBytesCodec.Decode(key));
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or EndOfStreamException)
            {
                return Convert.ToHexString(key);
            }
        }
        return Encoding.UTF8.GetString(key);
    }

    private static void Abort(JobContext context, string attemptId)
    {
        context.Committer.AbortTask(attemptId);
        var work = Path.Combine(context.LocalDirectory, attemptId);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
    }
}
