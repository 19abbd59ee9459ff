namespace Hdnr.Formats.Shuffle;

/// <summary>The order the shuffle sorts serialized keys in (Hadoop's RawComparator, <c>mapreduce.job.output.key.comparator.class</c>).</summary>
/// <remarks>The map side sorts each spill with it and the reduce side merges with it, so both sides always agree.</remarks>
public abstract class KeyOrder : IComparer<byte[]>
{
    /// <summary>Compares two serialized keys: negative, zero or positive.</summary>
    public abstract int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y);

    /// <inheritdoc/>
    public int Compare(byte[]? x, byte[]? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        return Compare(x.AsSpan(), y.AsSpan());
    }
}
