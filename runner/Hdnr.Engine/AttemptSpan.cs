// The job: what launch-local runs, from the job's description to its result.
using Hdnr.Runtime.Jobs;

namespace Hdnr.Engine;

/// <summary>One task attempt on the job's timeline: which attempt, when it ran (from the job's start) and how it ended.</summary>
/// <param name="AttemptId">Hadoop's attempt id; a combine run adds <c>combineN</c>, the N-th spill partition it combined.</param>
/// <param name="Kind">Map, combine or reduce.</param>
/// <param name="Start">When it started, from the job's start.</param>
/// <param name="End">When it ended, from the job's start.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Failure">Why it failed or was killed, else null.</param>
public sealed record AttemptSpan(string AttemptId, TaskKind Kind, TimeSpan Start, TimeSpan End, AttemptOutcome Outcome, string? Failure);
