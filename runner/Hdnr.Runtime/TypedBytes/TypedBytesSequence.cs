using System.Collections;

namespace Hdnr.Runtime.TypedBytes;

/// <summary>An immutable ordered run of decoded values, the common shape of <see cref="TypedBytesVector"/> and <see cref="TypedBytesList"/>.</summary>
public abstract class TypedBytesSequence : IReadOnlyList<object?>
{
    private readonly object?[] _items;

    private protected TypedBytesSequence(object?[] items)
    {
        _items = items;
    }

    /// <summary>The number of elements.</summary>
    public int Count => _items.Length;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public object? this[int index] => _items[index];

    /// <summary>The elements as a span.</summary>
    public ReadOnlySpan<object?> AsSpan() => _items;

    /// <inheritdoc/>
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Equal when the other is the same kind of sequence with equal elements in the same order.</summary>
    public override bool Equals(object? obj)
    {
        if (ReferenceEquals(this, obj))
        {
            return true;
        }

        if (obj is not TypedBytesSequence other || other.GetType() != GetType() || other._items.Length != _items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!TypedBytesValueComparer.Instance.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(GetType(), TypedBytesValueComparer.SequenceHash(_items));

    /// <inheritdoc/>
    public override string ToString() => TypedBytesText.Format(this);

    private protected static object?[] Copy(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.ToArray();
    }
}
