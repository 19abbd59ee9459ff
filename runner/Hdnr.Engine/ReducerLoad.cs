// The job: what launch-local runs, from the job's description to its result.
namespace Hdnr.Engine;

/// <summary>What one reduce task was given, so a skewed partition shows: its input records and bytes and its heaviest keys.</summary>
/// <param name="Partition">The reduce task's number.</param>
/// <param name="Records">The input records its last attempt read (Hadoop's "Reduce input records").</param>
/// <param name="Bytes">Its partition's bytes in the map outputs (Hadoop's "Reduce shuffle bytes").</param>
/// <param name="HeaviestKeys">Its keys with the most records, most first, at most <see cref="JobProgress.HeaviestKeyCount"/>.</param>
public sealed record ReducerLoad(int Partition, long Records, long Bytes, IReadOnlyList<KeyLoad> HeaviestKeys);
