// The job: what launch-local runs, from the job's description to its result.
using Hdnr.Engine.Scheduling;

namespace Hdnr.Engine;

/// <summary>A task failed on every attempt, so the job failed: which task, after how many attempts, and its last failure.</summary>
public sealed class JobFailedException(string taskId, int attempts, TaskAttemptFailedException lastFailure)
    : Exception($"Task {taskId} failed {attempts} times; last failure: {lastFailure.Message}", lastFailure)
{
    public string TaskId { get; } = taskId;

    public int Attempts { get; } = attempts;

    public TaskAttemptFailedException LastFailure { get; } = lastFailure;
}
