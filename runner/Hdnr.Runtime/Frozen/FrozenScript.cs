using Hdnr.Runtime.Jobs;

namespace Hdnr.Runtime.Frozen;

/// <summary>What a frozen executable knows about its script without running it, and how it sets the script up.</summary>
/// <param name="Name">The script's name, as the executable is named: <c>wc</c> for <c>wc.csx</c>.</param>
/// <param name="Doc">The script's doc comment.</param>
/// <param name="Tasks">The tasks the script defines, in <see cref="TaskKind"/> order.</param>
/// <param name="CreateJob">Runs the script's top-level statements with the reporter behind its globals and binds its functions.</param>
public sealed record FrozenScript(string Name, string Doc, IReadOnlyList<TaskKind> Tasks, Func<ITaskReporter, TaskContext, ScriptJob> CreateJob);
