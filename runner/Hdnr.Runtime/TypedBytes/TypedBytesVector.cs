namespace Hdnr.Runtime.TypedBytes;

/// <summary>A typed bytes vector (code 8): a counted, immutable sequence of values.</summary>
public sealed class TypedBytesVector : TypedBytesSequence
{
    /// <summary>Creates a vector of the given elements (copied).</summary>
    public TypedBytesVector(params object?[] items)
        : base(Copy(items))
    {
    }

    /// <summary>Creates a vector of the given elements (copied).</summary>
    public TypedBytesVector(IEnumerable<object?> items)
        : base(Copy(items))
    {
    }

    private TypedBytesVector(object?[] items, bool owned)
        : base(items)
    {
        _ = owned;
    }

    /// <summary>The vector with no elements.</summary>
    public static TypedBytesVector Empty { get; } = new([], owned: true);

    // The decoder hands over a fresh array, so copying it again would only cost.
    internal static TypedBytesVector Own(object?[] items) => items.Length == 0 ? Empty : new(items, owned: true);
}
