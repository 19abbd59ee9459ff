// The job: what launch-local runs, from the job's description to its result.
using Hdnr.Engine.Scheduling;
using Hdnr.Formats.Counters;

namespace Hdnr.Engine;

/// <summary>What a successful job did.</summary>
/// <param name="JobId">The local job id.</param>
/// <param name="MapTasks">How many map tasks ran.</param>
/// <param name="ReduceTasks">How many reduce tasks ran (0 for a map-only job).</param>
/// <param name="Counters">The job's counters.</param>
/// <param name="Isolation">Where the tasks ran.</param>
public sealed record JobResult(string JobId, int MapTasks, int ReduceTasks, JobCounters Counters, Isolation Isolation);
