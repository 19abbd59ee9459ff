namespace Hdnr.Engine;

/// <summary>Runs one task attempt of the script: its streaming input in, its streaming output out.</summary>
internal interface ITaskLauncher
{
    /// <summary>Runs <paramref name="attempt"/> to its end.</summary>
    /// <exception cref="TaskAttemptFailedException">The attempt failed.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled.</exception>
    void Run(TaskAttempt attempt, Stream input, Stream output, CountingReporter reporter, CancellationToken cancel);
}
