// The job: what launch-local runs, from the job's description to its result.
namespace Hdnr.Engine;

/// <summary>How a task attempt ended.</summary>
public enum AttemptOutcome
{
    /// <summary>It finished and its output was kept.</summary>
    Succeeded,

    /// <summary>It failed (the script threw, a task process exited non-zero, a timeout); its output was thrown away.</summary>
    Failed,

    /// <summary>It was stopped because the job was killed or another task failed the job.</summary>
    Killed,
}
