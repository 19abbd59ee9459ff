namespace Hdnr.Formats.Shuffle;

/// <summary>Orders serialized keys as Hadoop's shuffle does: bytes compared unsigned, shorter first on a tie (typed bytes keys as their whole encoding, type code first; Text keys as their UTF-8).</summary>
/// <remarks>
/// TypedBytesWritable and Text are both BinaryComparable, whose order is WritableComparator.compareBytes over the
/// serialized bytes; so an int -1 sorts after int 2147483647 and strings sort by their length prefix first.
/// </remarks>
public sealed class HadoopKeyComparer : IComparer<byte[]>, IComparer<ReadOnlyMemory<byte>>
{
    /// <summary>The one instance.</summary>
    public static HadoopKeyComparer Instance { get; } = new();

    private HadoopKeyComparer()
    {
    }

    /// <summary>Compares two serialized keys.</summary>
    public int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => Math.Sign(x.SequenceCompareTo(y));

    /// <inheritdoc/>
    public int Compare(byte[]? x, byte[]? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        return Compare(x.AsSpan(), y.AsSpan());
    }

    /// <inheritdoc/>
    public int Compare(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => Compare(x.Span, y.Span);
}
