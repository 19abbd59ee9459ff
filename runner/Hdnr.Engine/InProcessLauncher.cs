using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;

namespace Hdnr.Engine;

/// <summary>Runs attempts on the calling thread: the script's assembly is loaded once, and each attempt gets a fresh script instance (its top-level statements run again), as each Hadoop task gets a fresh process.</summary>
/// <remarks>Pairs pass between the engine and the task loops as bytes, exactly as Hadoop's output reader would parse them from a task's stream, without the stream.</remarks>
internal sealed class InProcessLauncher(JobDescription job, WireFormat io) : ITaskLauncher
{
    private readonly Lazy<Assembly> _assembly = new(() => Load(job));

    public void Run(TaskAttempt attempt, Stream input, IPairSink output, CountingReporter reporter, CancellationToken cancel) =>
        Run(reporter, cancel, script => StreamingTask.Run(script, attempt.Kind, new TaskIo(io, io), new CancellableStream(input, cancel), output));

    public void Run(TaskAttempt attempt, IPairSource input, IPairSink output, CountingReporter reporter, CancellationToken cancel) =>
        Run(reporter, cancel, script => StreamingTask.Run(script, attempt.Kind, new TaskIo(io, io), input, output));

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "hdnr is not trimmed; scripts are compiled at run time.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "hdnr is not compiled ahead of time.")]
    private void Run(CountingReporter reporter, CancellationToken cancel, Action<ScriptJob> task)
    {
        try
        {
            task(ScriptJob.Create(_assembly.Value, reporter));
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancel);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or CorruptInputException))
        {
            throw new TaskAttemptFailedException(TaskFailure.Describe(e), [], e);
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "hdnr is not trimmed; scripts are compiled at run time.")]
    private static Assembly Load(JobDescription job) => ScriptAssemblyLoader.Load(job.AssemblyPath, job.DependencyPaths);
}
