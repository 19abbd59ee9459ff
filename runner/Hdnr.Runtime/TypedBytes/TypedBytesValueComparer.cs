using System.Collections;

namespace Hdnr.Runtime.TypedBytes;

/// <summary>Compares decoded typed bytes values by value: byte arrays by content, NaN equal to NaN, containers element by element.</summary>
public sealed class TypedBytesValueComparer : IEqualityComparer<object?>
{
    /// <summary>The one instance.</summary>
    public static TypedBytesValueComparer Instance { get; } = new();

    private TypedBytesValueComparer()
    {
    }

    /// <inheritdoc/>
    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        // Arrays have reference equality in .NET; typed bytes values are compared by content.
        if (x is byte[] xb)
        {
            return y is byte[] yb && xb.AsSpan().SequenceEqual(yb);
        }

        return x.Equals(y);
    }

    /// <inheritdoc/>
    public int GetHashCode(object? obj)
    {
        switch (obj)
        {
            case null:
                return 0;
            case byte[] bytes:
                var hash = new HashCode();
                hash.AddBytes(bytes);
                return hash.ToHashCode();
            default:
                return obj.GetHashCode();
        }
    }

    internal static int SequenceHash(IEnumerable items)
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(Instance.GetHashCode(item));
        }

        return hash.ToHashCode();
    }
}
