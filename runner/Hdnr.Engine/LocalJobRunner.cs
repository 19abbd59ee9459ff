// The job: what launch-local runs, from the job's description to its result.
using Hdnr.Engine.Input;
using Hdnr.Engine.MapSide;
using Hdnr.Engine.Output;
using Hdnr.Engine.ReduceSide;
using Hdnr.Engine.Scheduling;
using Hdnr.Engine.Scratch;
using Hdnr.Engine.Settings;
using Hdnr.Engine.Spill;
using Hdnr.Formats.Counters;
using Hdnr.Formats.Input;
using Hdnr.Formats.Shuffle;
using Hdnr.Formats.Output;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine;

/// <summary>Runs a streaming job on this machine the way Hadoop's LocalJobRunner does, with map and reduce tasks in parallel: output checked, input split, maps, shuffle, reduces, then the output committed.</summary>
public static class LocalJobRunner
{
    /// <summary>Runs <paramref name="job"/>, reporting to <paramref name="progress"/> when one is given; notes go to <paramref name="log"/>.</summary>
    /// <exception cref="UnimplementedSettingException">The job sets a Hadoop setting launch-local does not implement; nothing was touched.</exception>
    /// <exception cref="OutputExistsException">The output exists and overwriting was not asked for.</exception>
    /// <exception cref="InputPathException">An input names no file.</exception>
    /// <exception cref="OutputPathException">Overwriting was asked for an output that is or holds an input or a directory the user keeps.</exception>
    /// <exception cref="JobFailedException">A task failed on every attempt; nothing was committed.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled; nothing was committed.</exception>
    /// <remarks>A job that does not succeed leaves no OUTPUT behind, or the one it was to replace, as it was.</remarks>
    public static JobResult Run(JobDescription job, TextWriter log, JobProgress? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(log);
        // Before anything is touched: a setting ignored here would give other part files than the cluster.
        HadoopSettings.RefuseUnimplemented(job.Configuration, ImpliedSettings(job));
        // JobSubmitter refuses the new API's input format for streaming's old-API maps, whatever its value.
        if (HadoopSettings.Find(job.Configuration, "mapreduce.job.inputformat.class") is not null)
            throw new IncompatibleSettingException("mapreduce.job.inputformat.class is incompatible with map compatibility mode.");
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(job.Output));
        var ids = TaskIds.NewJob();
        // First, as it may finish or undo what a killed job did to this very OUTPUT.
        using var scratch = ScratchDirectory.Create(ids.JobId, log);
        var local = scratch.Path;
        var committer = new OutputCommitter(output, log);
        // Hadoop checks the output specification before it lists the input.
        committer.CheckOutputSpecs(job.Overwrite);
        var files = InputPaths.Expand(job.Inputs, Recursive(job));
        OverwriteGuard.Check(output, job, files);
        // Hadoop's local mode asks for one map whatever mapreduce.job.maps says ("ignored when mapreduce.framework.name
        // is local"), so splits are block-sized: 32 MB pieces of big files (--split-mb), small files whole.
        const int requestedMaps = 1;
        var reducers = job.HasReduce ? job.Reducers : 0;
        if (reducers < 0) throw new ArgumentException($"the number of reducers is {reducers}; it must be 0 or more");

        var isolation = job.Isolation;
        if (isolation == Isolation.InProcess && OwnProcessesReason(job) is { } reason)
        {
            log.WriteLine($"hdnr: {reason}: tasks run as processes");
            isolation = Isolation.Process;
        }

        var streams = StreamIo.Of(job, DetectedIo(job, files), reducers);
        if (streams.Output(reducers) == WireFormat.TypedBytes && !job.PartFormat.IsSequenceFile(WireFormat.TypedBytes))
            throw new UnimplementedSettingException($"--outputformat {OutputSettings.TextOutputFormat}",
                "with typedbytes output, Hadoop's TextOutputFormat writes the Java toString of each TypedBytesWritable, which launch-local does not imitate; leave --outputformat out (SequenceFiles, which `hdnr readtb` shows) or use --io text; launch passes it to Hadoop.");
        job = WithInMapperCombining(job, streams.MapOutput, reducers > 0);
        // The map's input is read as its own stream; every other rule below is about the pairs the map writes.
        var io = streams.MapOutput;
        var input = JobInput.Of(job, streams.MapInput);
        if (streams.MapInput is WireFormat.RawBytes or WireFormat.KeyOnlyText && input.Class != InputFormatClass.Text)
            throw new InputFormatException($"launch-local reads {input.Class} with text or typedbytes io, not {streams.MapInput.ToString().ToLowerInvariant()}; launch passes it to Hadoop.");
        if (input.Class == InputFormatClass.NLine && files.FirstOrDefault(f => InputFormats.Detect(f) is not InputFormat.Text) is { } packed)
            throw new InputFormatException($"{packed}: launch-local reads NLineInputFormat from uncompressed text only; launch passes it to Hadoop.");
        var splits = input.Class == InputFormatClass.NLine
            ? SplitPlanner.PlanLines(files, input.LinesPerMap)
            : SplitPlanner.Plan(files, requestedMaps, job.SplitBytes, job.MinSplitBytes);
        if (streams.MapInput != WireFormat.TypedBytes && !input.Class.ReadsSequenceFiles && !input.Xml && splits.FirstOrDefault(s => s.Format == InputFormat.SequenceFile) is { } sequence)
            throw new InvalidDataException($"{sequence.Path} is a SequenceFile: run the job with --io typedbytes (or --inputformat SequenceFileAsTextInputFormat) to read it");
        // Hadoop's key field classes read a key as Text; a typed bytes key is not one.
        if (streams.MapOutput != WireFormat.Text && (job.Partitioner is KeyFieldPartitioner || job.KeyOrder is KeyFieldOrder))
            throw new UnimplementedSettingException("KeyFieldBasedPartitioner and KeyFieldBasedComparator", "they cut text keys into fields; run the job with --io text.");

        committer.SetupJob(job.Overwrite, local, ids.JobId);
        progress ??= new JobProgress();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var committed = false;
        try
        {
            var jobFiles = JobFiles.Prepare(job, local);
            var processes = new ProcessLauncher(job, jobFiles, job.TaskTimeoutMilliseconds);
            ITaskLauncher launcher = isolation == Isolation.Process ? processes : new InProcessLauncher(job, job.TaskTimeoutMilliseconds, processes, log);
            var counters = new JobCounters();
            var context = new JobContext(job, io, streams, input, ids, splits.Count, files.Count, reducers, committer, launcher, local, counters, progress, linked.Token);
            progress.Start(splits.Sum(s => s.Length), reducers, counters);

            var mapOutputs = new IReadOnlyList<SpillRun>[splits.Count];
            TaskPool.Run(splits.Count, TaskPool.Threads(splits.Count, job.Parallelism), i => mapOutputs[i] = MapTask.Run(context, splits[i], i), linked);
            if (reducers > 0)
                TaskPool.Run(reducers, TaskPool.Threads(reducers, job.Parallelism), r => ReduceTask.Run(context, mapOutputs, r), linked);

            linked.Token.ThrowIfCancellationRequested();
            // The commit is not interrupted: a signal that comes while it runs finds the job committed, and changes nothing.
            committer.CommitJob();
            committed = true;
            committer.DeletePrevious();
            return new JobResult(ids.JobId, splits.Count, reducers, counters, isolation);
        }
        finally
        {
            if (!committed) committer.AbortJob();
        }
    }

    // Environment variables, the working directory and static fields belong to the process, and a script that can
    // exit, overflow its stack or read stdin would end or hang the engine: only a process per task is safe for those.
    // And only a process has an exit code.
    private static string? OwnProcessesReason(JobDescription job) =>
        job.Files.Count > 0 || job.Archives.Count > 0 ? "the job has --file/--archive, which each task sees in its own working directory"
        : !job.NonZeroExitIsFailure ? "stream.non.zero.exit.is.failure=false is about the exit codes of task processes"
        : ScriptInspection.Of(job.AssemblyPath).ProcessReason;

    /// <summary>The io a job without <c>--io</c> or <c>-D stream.*</c> runs with: typedbytes when every input is a SequenceFile and no input format is named, else the one the script's declared types ask for.</summary>
    internal static WireFormat DetectedIo(JobDescription job, IReadOnlyList<string> files) =>
        job.InputFormat is null && files.Count > 0 && files.All(f => InputFormats.Detect(f) == InputFormat.SequenceFile)
            ? WireFormat.TypedBytes : job.DeclaredIo;

    // Launch and launch-frozen give a job that allows it in-mapper combining by default; so does launch-local, from the
    // same rule, so the map tasks write the same pairs on both.
    private static JobDescription WithInMapperCombining(JobDescription job, WireFormat mapOutput, bool reduces)
    {
        // A setting as the map task will read it from its environment, with the stream format the job settled on.
        var mapOutputName = TaskIo.Name(mapOutput);
        string? Variable(string name) => name == "stream_map_output" ? mapOutputName
            : job.Configuration.LastOrDefault(s => TaskEnvironment.Safe(s.Key) == name).Value;
        if (job.Shape is null)
        {
            if (Variable(TaskSettings.VariableName(InMapperCombining.Setting)) is { } asked)
                throw new UnimplementedSettingException($"-D {InMapperCombining.Setting}={asked}", "launch-local knows this job's functions only when it runs a script");
            return job;
        }
        try
        {
            return InMapperCombining.For(job.Shape, Variable, reduces) is { } setting ? job with { Configuration = [.. job.Configuration, setting] } : job;
        }
        catch (ArgumentException e)
        {
            throw new UnimplementedSettingException(e.Message, e);
        }
    }

    // FileInputFormat's mapreduce.input.fileinputformat.input.dir.recursive (Configuration.getBoolean).
    internal static bool Recursive(JobDescription job) =>
        HadoopSettings.Find(job.Configuration, "mapreduce.input.fileinputformat.input.dir.recursive") is { } setting
        && string.Equals(setting.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    // The settings Hadoop Streaming's -io sets from the same choice as --io, so giving them as well is no conflict (text,
    // which sets none, is their default and accepted as such).
    private static KeyValuePair<string, string>[] ImpliedSettings(JobDescription job) =>
        job.Io is { } io ? TaskEnvironment.IoSettings(io) : [];
}
