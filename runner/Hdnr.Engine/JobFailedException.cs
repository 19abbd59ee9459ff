// The job: what launch-local runs, from the job's description to its result.
using Hdnr.Engine.Scheduling;

namespace Hdnr.Engine;

/// <summary>A task failed on every attempt, so the job failed: which task, after how many attempts, and its last failure.</summary>
public sealed class JobFailedException(string taskId, int attempts, TaskAttemptFailedException lastFailure, string? step = null)
    : Exception($"{(step is null ? "" : step + " failed: ")}Task {taskId} failed {attempts} times; last failure: {lastFailure.Message}", lastFailure)
{
    /// <summary>The same failure, said to be of <paramref name="step"/> (<c>step 2 of 3 (Reduce2)</c>) of a job of several steps.</summary>
    public JobFailedException InStep(string step) => new(TaskId, Attempts, LastFailure, step);

    public string TaskId { get; } = taskId;

    public int Attempts { get; } = attempts;

    public TaskAttemptFailedException LastFailure { get; } = lastFailure;
}
