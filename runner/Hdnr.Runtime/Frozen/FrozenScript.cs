using Hdnr.Runtime.Jobs;

namespace Hdnr.Runtime.Frozen;

/// <summary>What a frozen executable knows about its script without running it, and how it sets the script up.</summary>
/// <param name="Name">The script's name, as the executable is named: <c>wc</c> for <c>wc.csx</c>.</param>
/// <param name="Doc">The script's doc comment.</param>
/// <param name="Tasks">The tasks the script defines, in <see cref="TaskKind"/> order.</param>
/// <param name="CreateJob">Runs the script's top-level statements with the reporter behind its globals and binds its functions.</param>
public sealed record FrozenScript(string Name, string Doc, IReadOnlyList<TaskKind> Tasks, Func<ITaskReporter, TaskContext, ScriptJob> CreateJob)
{
    /// <summary>The line <c>info</c> prints, made when the script was frozen; null prints step 1's <see cref="Tasks"/> alone.</summary>
    public string? Info { get; init; }

    /// <summary>Each step's tasks, step 1's first; one entry for a job of one step.</summary>
    public IReadOnlyList<IReadOnlyList<TaskKind>>? StepTasks { get; init; }

    /// <summary>Sets the script up and binds the functions of the step given (2 and on), for <c>--step N</c>.</summary>
    public Func<ITaskReporter, TaskContext, int, ScriptJob>? CreateStepJob { get; init; }
}
