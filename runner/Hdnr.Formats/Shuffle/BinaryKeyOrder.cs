namespace Hdnr.Formats.Shuffle;

/// <summary>Hadoop's default key order for streaming: serialized keys compared as unsigned bytes, the shorter first on a tie (WritableComparator.compareBytes).</summary>
/// <remarks>
/// TypedBytesWritable and Text are both BinaryComparable, so a typed bytes key compares as its whole encoding, type code
/// first, and a text key as its UTF-8: an int -1 sorts after int 2147483647, and strings by their length prefix first.
/// </remarks>
public sealed class BinaryKeyOrder : KeyOrder
{
    /// <summary>The one instance.</summary>
    public static BinaryKeyOrder Instance { get; } = new();

    private BinaryKeyOrder()
    {
    }

    /// <inheritdoc/>
    public override int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => x.SequenceCompareTo(y);
}
