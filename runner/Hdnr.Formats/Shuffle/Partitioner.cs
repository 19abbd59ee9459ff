namespace Hdnr.Formats.Shuffle;

/// <summary>Which reduce task a serialized key goes to (Hadoop's Partitioner, <c>mapreduce.job.partitioner.class</c>).</summary>
public abstract class Partitioner
{
    /// <summary>The reduce task, 0 to <paramref name="reducers"/> - 1, that reads <paramref name="serializedKey"/>.</summary>
    public abstract int Partition(ReadOnlySpan<byte> serializedKey, int reducers);
}
