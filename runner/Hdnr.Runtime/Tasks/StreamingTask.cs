using System.Runtime.ExceptionServices;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Runtime.Tasks;

/// <summary>Runs one map, reduce or combine task of a bound script over a Hadoop streaming input and output.</summary>
public static class StreamingTask
{
    /// <summary>Reads <paramref name="input"/> to its end, runs the script's function for <paramref name="kind"/> (then its *End function) and writes the pairs to <paramref name="output"/>.</summary>
    /// <remarks>
    /// A failure propagates as <see cref="ScriptException"/> (the script threw) or <see cref="RecordConversionException"/>
    /// (a record does not fit the declared types); the output then holds exactly the pairs written before it, never
    /// half of one (unless that one pair alone outgrew the 1 MiB output buffer), so nothing partial looks like a record.
    /// </remarks>
    public static void Run(ScriptJob job, TaskKind kind, TaskIo io, Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var function = job.Task(kind)
            ?? throw new JobShapeException(kind.ToString(), $"the script defines no {kind}, so it cannot run a {kind.ToString().ToLowerInvariant()} task");
        if (io.Input == WireFormat.RawBytes || io.Output == WireFormat.RawBytes)
            throw new NotSupportedException("rawbytes io is not supported; use text or typedbytes");
        var buffer = new OutputBuffer(output);
        RecordReader reader = io.Input == WireFormat.Text
            ? new LineRecordReader(input, splitAtTab: kind != TaskKind.Map)
            : new TypedBytesRecordReader(input);
        var run = new TaskRun(function.Name, reader, new PairSink(buffer, io.Output), io);
        try
        {
            function.Run(run);
            job.End(kind)?.Run(run);
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
