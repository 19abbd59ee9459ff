// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Hdnr.Formats.Codecs;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Scheduling;

/// <summary>Runs attempts on threads of the engine: the script's assembly is loaded once, and each attempt gets a fresh script instance (its top-level statements run again) on a thread of its own, as each Hadoop task gets a fresh process.</summary>
/// <remarks>
/// Pairs pass between the engine and the task loops as bytes, exactly as Hadoop's output reader would parse them from a
/// task's stream, without the stream. A thread cannot be killed: an attempt that times out is abandoned (its input and
/// output refuse it from then on) and every later attempt of the job runs as a process, which can be.
/// </remarks>
internal sealed class InProcessLauncher(JobDescription job, long timeoutMilliseconds, ITaskLauncher processes, TextWriter log) : ITaskLauncher
{
    private readonly Lazy<Assembly> _assembly = new(() => Load(job));
    private volatile bool _abandonedOne;

    public void Run(TaskAttempt attempt, Stream input, IPairSink output, CountingReporter reporter, CancellationToken cancel)
    {
        if (_abandonedOne) processes.Run(attempt, input, output, reporter, cancel);
        else Run(attempt, reporter, cancel, (script, stop) => StreamingTask.Run(script, attempt.Kind, TaskIo.FromEnvironment(attempt.Kind, null, name => attempt.Environment.GetValueOrDefault(name)),
            new CancellableStream(input, reporter, stop), new FencedSink(output, reporter, stop)));
    }

    public void Run(TaskAttempt attempt, IPairSource input, IPairSink output, CountingReporter reporter, CancellationToken cancel)
    {
        if (_abandonedOne) processes.Run(attempt, input, output, reporter, cancel);
        else Run(attempt, reporter, cancel, (script, stop) => StreamingTask.Run(script, attempt.Kind, TaskIo.FromEnvironment(attempt.Kind, null, name => attempt.Environment.GetValueOrDefault(name)),
            new FencedSource(input, reporter, stop), new FencedSink(output, reporter, stop)));
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "hdnr is not trimmed; scripts are compiled at run time.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "hdnr is not compiled ahead of time.")]
    private void Run(TaskAttempt attempt, CountingReporter reporter, CancellationToken cancel, Action<ScriptJob, CancellationToken> task)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var done = new ManualResetEventSlim();
        Exception? failure = null;
        // Deep recursion in a script needs more than the default 1.5 MB of stack (recursive scripts run as processes).
        var thread = new Thread(() =>
        {
            try
            {
                // The attempt's own environment and folder, as a task process has them: threads of one process share the process's.
                Directory.CreateDirectory(attempt.WorkDirectory);
                var context = TaskContext.Of(attempt.Kind, name => attempt.Environment.GetValueOrDefault(name), attempt.WorkDirectory);
                task(ScriptJob.Create(_assembly.Value, reporter, context, job.Step), stop.Token);
            }
            catch (Exception e)
            {
                // Every exception: one escaping a thread would end the engine.
                failure = e;
            }
            finally
            {
                try
                {
                    done.Set();
                }
                catch (ObjectDisposedException)
                {
                    // An abandoned attempt that ends after all: nobody waits for it any more.
                }
            }
        }, maxStackSize: 16 << 20) { IsBackground = true, Name = attempt.AttemptId };
        using (var timeout = new TaskTimeout(attempt.AttemptId, timeoutMilliseconds, reporter, stop.Cancel))
        {
            thread.Start();
            WaitHandle.WaitAny([done.WaitHandle, stop.Token.WaitHandle]);
            if (!done.IsSet)
            {
                cancel.ThrowIfCancellationRequested();
                _abandonedOne = true;
                log.WriteLine($"hdnr: {timeout.Message} Its thread cannot be stopped: the job's remaining attempts run as processes.");
                throw new TaskAttemptFailedException(timeout.Message, []);
            }
        }
        switch (failure)
        {
            case null:
                return;
            case not null when cancel.IsCancellationRequested:
                throw new OperationCanceledException(cancel);
            case OperationCanceledException or OutOfMemoryException or TaskAttemptFailedException or CorruptInputException:
                // A combine attempt inside this map attempt failed on its own terms, or the input itself is damaged (no retry reads it better).
                ExceptionDispatchInfo.Throw(failure);
                break;
            default:
                throw new TaskAttemptFailedException(TaskFailure.Describe(failure), [], failure);
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "hdnr is not trimmed; scripts are compiled at run time.")]
    private static Assembly Load(JobDescription job) => ScriptAssemblyLoader.Load(job.AssemblyPath, job.DependencyPaths);
}
