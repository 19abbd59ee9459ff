namespace Hdnr.Formats.Shuffle;

/// <summary>Hadoop's default HashPartitioner: <c>(key.hashCode() &amp; int.MaxValue) % reducers</c> over a serialized key.</summary>
/// <remarks>
/// Both key kinds streaming uses hash their serialized bytes with WritableComparator.hashBytes (BinaryComparable.hashCode):
/// a TypedBytesWritable key hashes its whole typed bytes encoding, type code included; a Text key hashes its UTF-8 bytes.
/// So the caller passes exactly those bytes and one function serves both.
/// </remarks>
public sealed class HashPartitioner : Partitioner
{
    /// <summary>The one instance.</summary>
    public static HashPartitioner Instance { get; } = new();

    private HashPartitioner()
    {
    }

    /// <inheritdoc/>
    public override int Partition(ReadOnlySpan<byte> serializedKey, int reducers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reducers, 1);
        return (HashBytes(serializedKey) & int.MaxValue) % reducers;
    }

    /// <summary>Java's WritableComparator.hashBytes: 31 * hash + each byte taken as signed, starting from 1.</summary>
    public static int HashBytes(ReadOnlySpan<byte> bytes)
    {
        var hash = 1;
        foreach (var b in bytes)
        {
            hash = unchecked((31 * hash) + (sbyte)b);
        }

        return hash;
    }
}
