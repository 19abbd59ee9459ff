using System.Runtime.ExceptionServices;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tasks;

/// <summary>Runs one map, reduce or combine task of a bound script over a Hadoop streaming input and output.</summary>
/// <remarks>
/// A failure propagates as <see cref="ScriptException"/> (the script threw) or <see cref="RecordConversionException"/>
/// (a record does not fit the declared types); the output then holds exactly the pairs written before it, never
/// half of one (unless that one pair alone outgrew the 1 MiB output buffer), so nothing partial looks like a record.
/// </remarks>
public static class StreamingTask
{
    /// <summary>Reads <paramref name="input"/> to its end, runs the script's function for <paramref name="kind"/> (then its *End function) and writes the pairs to <paramref name="output"/>.</summary>
    public static void Run(ScriptJob job, TaskKind kind, TaskIo io, Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new OutputBuffer(output);
        // A script that calls Environment.Exit never returns here: the pairs it wrote before (whole ones: a pair is
        // written before the script runs again) and its counters must still reach the output, as a process's own
        // buffered writes would on exit.
        void Flush(object? sender, EventArgs e)
        {
            try
            {
                buffer.Flush();
                job.Reporter.Flush();
            }
            catch (Exception failure) when (failure is IOException or ObjectDisposedException)
            {
                // The reader went away; the exit code tells what happened.
            }
        }
        AppDomain.CurrentDomain.ProcessExit += Flush;
        try
        {
            io = Sorted(job, kind, io);
            Run(job, kind, io, () => StreamReader(input, kind, io), () => new PairSink(buffer, io, SortsOutput(kind, io)));
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= Flush;
        }
    }

    /// <summary>As <see cref="Run(ScriptJob, TaskKind, TaskIo, Stream, Stream)"/>, handing each pair to <paramref name="output"/> as Hadoop's output reader would parse it from the stream.</summary>
    public static void Run(ScriptJob job, TaskKind kind, TaskIo io, Stream input, IPairSink output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        io = Sorted(job, kind, io);
        Run(job, kind, io, () => StreamReader(input, kind, io), () => new PairSink(output, io, SortsOutput(kind, io)));
    }

    /// <summary>As <see cref="Run(ScriptJob, TaskKind, TaskIo, Stream, IPairSink)"/>, reading a reduce or combine task's pairs from <paramref name="input"/> as they would arrive on the stream.</summary>
    public static void Run(ScriptJob job, TaskKind kind, TaskIo io, IPairSource input, IPairSink output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (kind == TaskKind.Map) throw new ArgumentException("a map task reads a stream of records, not pairs", nameof(kind));
        io = Sorted(job, kind, io);
        Run(job, kind, io, () => new PairSourceReader(input, io), () => new PairSink(output, io));
    }

    // A [SortValues] job's map output is text sort fields: its map writes them, its reduce reads the key's fields as the key.
    private static TaskIo Sorted(ScriptJob job, TaskKind kind, TaskIo io)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(io);
        if (job.Shape.Sort is not { } sort || kind == TaskKind.Combine) return io;
        var side = kind == TaskKind.Map ? io.Output : io.Input;
        if (side != WireFormat.Text)
            throw new InvalidDataException($"the script's Reduce is [SortValues], so its map output travels as text sort fields; this {kind.ToString().ToLowerInvariant()} task was given {TaskIo.Name(side)} (run it with text io)");
        return kind == TaskKind.Map ? io with { Sort = sort } : io with { Sort = sort, InputFields = new KeyFields([(byte)'\t'], sort.KeyFields) };
    }

    private static bool SortsOutput(TaskKind kind, TaskIo io) => kind == TaskKind.Map && io.Sort is not null;

    private static void RunStart(Action start, TaskKind kind)
    {
        try
        {
            start();
        }
        catch (Exception exception)
        {
            throw ScriptException.BeforeFirstRecord(kind + "Start", exception);
        }
    }

    // The setting asks a map task to combine its output; a job that cannot (the launchers never set it there) is refused.
    private static IInMapperCounts InMapper(ScriptJob job, TaskRun run, TaskIo io)
    {
        var reason = InMapperCombining.Reason(job.Shape, io);
        return (reason is null ? job.Task(TaskKind.Combine)?.InMapper(run, io.InMapperBytes) : null)
            ?? throw new JobShapeException(JobShape.FunctionName("Combine", job.Shape.Step),
                $"{InMapperCombining.Setting} is set, but {reason ?? "Combine cannot run in the map task"}");
    }

    private static void Flush(IInMapperCounts buffer, ITaskReporter reporter)
    {
        buffer.Flush();
        reporter.Counter(HdnrCounters.Group, HdnrCounters.InMapperInput, buffer.Taken);
        reporter.Counter(HdnrCounters.Group, HdnrCounters.InMapperOutput, buffer.Written);
    }

    private static RecordReader StreamReader(Stream input, TaskKind kind, TaskIo io) => io.Input switch
    {
        WireFormat.Text when kind == TaskKind.Map => new TextRecordReader(input, io.MapInputSeparator),
        WireFormat.Text when io.DefaultInputSplit => new TextRecordReader(input, splitAtTab: true),
        WireFormat.Text => new TextRecordReader(input, io.InputFields, io.InputSeparator),
        WireFormat.KeyOnlyText => new TextRecordReader(input, separator: null, lineIsKey: true),
        WireFormat.RawBytes => new RawBytesRecordReader(input),
        _ => new TypedBytesRecordReader(input),
    };

    private static void Run(ScriptJob job, TaskKind kind, TaskIo io, Func<RecordReader> reader, Func<PairSink> sink)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(io);
        var function = job.Task(kind)
            ?? throw new JobShapeException(kind.ToString(), $"the script defines no {kind}, so it cannot run a {kind.ToString().ToLowerInvariant()} task");
        var pairs = sink();
        var buffer = pairs.Buffer;
        var run = new TaskRun(function.Name, reader(), pairs, io, job.Reporter);
        var inMapper = kind == TaskKind.Map && io.InMapperBytes > 0 ? InMapper(job, run, io) : null;
        run.InMapper = inMapper;
        // Only this task's records count.
        SurrogateEscape.TakeEscaped();
        try
        {
            if (job.Start(kind) is { } start) RunStart(start, kind);
            function.Run(run);
            job.End(kind)?.Run(run);
            if (inMapper is not null) Flush(inMapper, job.Reporter);
        }
        catch (Exception failure)
        {
            // Keep the pairs written and counters counted before the failure, but never let a broken output hide
            // why the task failed.
            try
            {
                job.Reporter.Flush();
                buffer.Flush();
            }
            catch (IOException)
            {
            }
            if (failure is InputFailure { InnerException: { } cause }) ExceptionDispatchInfo.Throw(cause);
            throw;
        }
        buffer.Flush();
        job.Reporter.Flush();
    }
}
