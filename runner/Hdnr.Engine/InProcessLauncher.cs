using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;

namespace Hdnr.Engine;

/// <summary>Runs attempts on the calling thread: the script's assembly is loaded once, and each attempt gets a fresh script instance (its top-level statements run again), as each Hadoop task gets a fresh process.</summary>
internal sealed class InProcessLauncher(JobDescription job, WireFormat io) : ITaskLauncher
{
    private readonly Lazy<Assembly> _assembly = new(() => Load(job));

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "hdnr is not trimmed; scripts are compiled at run time.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "hdnr is not compiled ahead of time.")]
    public void Run(TaskAttempt attempt, Stream input, Stream output, CountingReporter reporter, CancellationToken cancel)
    {
        try
        {
            var script = ScriptJob.Create(_assembly.Value, reporter);
            StreamingTask.Run(script, attempt.Kind, new TaskIo(io, io), new CancellableStream(input, cancel), output);
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancel);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            throw new TaskAttemptFailedException(TaskFailure.Describe(e), [], e);
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "hdnr is not trimmed; scripts are compiled at run time.")]
    private static Assembly Load(JobDescription job) => ScriptAssemblyLoader.Load(job.AssemblyPath, job.DependencyPaths);
}
