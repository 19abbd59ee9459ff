// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Scheduling;

/// <summary>Runs one task attempt of the script: its streaming input in, its pairs out.</summary>
internal interface ITaskLauncher
{
    /// <summary>Runs map attempt <paramref name="attempt"/> over its split's bytes.</summary>
    /// <exception cref="TaskAttemptFailedException">The attempt failed.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled.</exception>
    void Run(TaskAttempt attempt, Stream input, IPairSink output, CountingReporter reporter, CancellationToken cancel);

    /// <summary>Runs reduce or combine attempt <paramref name="attempt"/> over sorted pairs.</summary>
    /// <exception cref="TaskAttemptFailedException">The attempt failed.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled.</exception>
    void Run(TaskAttempt attempt, IPairSource input, IPairSink output, CountingReporter reporter, CancellationToken cancel);
}
