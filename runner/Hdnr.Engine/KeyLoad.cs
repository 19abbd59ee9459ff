// The job: what launch-local runs, from the job's description to its result.
namespace Hdnr.Engine;

/// <summary>One key of a reducer's input and how many records it grouped.</summary>
/// <param name="Key">The key in its readable form (text as is, typed bytes as readtb prints them).</param>
/// <param name="Records">The records of its group.</param>
public sealed record KeyLoad(string Key, long Records);
