// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using Hdnr.Runtime.Jobs;

namespace Hdnr.Engine.Scheduling;

/// <summary>One attempt of one task: what it is, and the environment Hadoop gives its process.</summary>
/// <param name="Kind">Map, Reduce or Combine.</param>
/// <param name="TaskId">The task's id.</param>
/// <param name="AttemptId">This attempt's id.</param>
/// <param name="Environment">The variables the task's process sees (besides the engine's own).</param>
/// <param name="WorkDirectory">The attempt's working directory when it runs as a process, and its <c>Context.WorkDirectory</c> either way.</param>
internal sealed record TaskAttempt(TaskKind Kind, string TaskId, string AttemptId, IReadOnlyDictionary<string, string> Environment, string WorkDirectory);
