namespace Hdnr.Runtime.TypedBytes;

/// <summary>A typed bytes list (code 9): an immutable sequence of values written without a count and ended by a marker.</summary>
public sealed class TypedBytesList : TypedBytesSequence
{
    /// <summary>Creates a list of the given elements (copied); null elements cannot be encoded, since null is the end marker.</summary>
    public TypedBytesList(params object?[] items)
        : base(Copy(items))
    {
    }

    /// <summary>Creates a list of the given elements (copied).</summary>
    public TypedBytesList(IEnumerable<object?> items)
        : base(Copy(items))
    {
    }

    private TypedBytesList(object?[] items, bool owned)
        : base(items)
    {
        _ = owned;
    }

    /// <summary>The list with no elements.</summary>
    public static TypedBytesList Empty { get; } = new([], owned: true);

    // The decoder hands over a fresh array, so copying it again would only cost.
    internal static TypedBytesList Own(object?[] items) => items.Length == 0 ? Empty : new(items, owned: true);
}
