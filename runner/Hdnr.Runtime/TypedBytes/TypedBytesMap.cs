using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Hdnr.Runtime.TypedBytes;

/// <summary>A typed bytes map (code 10): immutable, in insertion order, keys of any type compared by value.</summary>
public sealed class TypedBytesMap : IReadOnlyDictionary<object, object?>
{
    private readonly KeyValuePair<object, object?>[] _entries;
    private readonly Dictionary<object, int> _index;

    /// <summary>Creates a map of the given entries; a repeated key keeps its first position and its last value, as Hadoop's reader does.</summary>
    public TypedBytesMap(IEnumerable<KeyValuePair<object, object?>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<KeyValuePair<object, object?>>();
        _index = new Dictionary<object, int>(TypedBytesValueComparer.Instance!);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry.Key, "key");
            if (_index.TryGetValue(entry.Key, out var at))
            {
                list[at] = new(list[at].Key, entry.Value);
            }
            else
            {
                _index.Add(entry.Key, list.Count);
                list.Add(entry);
            }
        }

        _entries = list.ToArray();
    }

    /// <summary>Creates a map of the given key/value tuples.</summary>
    public TypedBytesMap(params (object Key, object? Value)[] entries)
        : this(entries.Select(e => new KeyValuePair<object, object?>(e.Key, e.Value)))
    {
    }

    /// <summary>The map with no entries.</summary>
    public static TypedBytesMap Empty { get; } = new(Array.Empty<KeyValuePair<object, object?>>());

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Length;

    /// <summary>The entries in insertion order.</summary>
    public ReadOnlySpan<KeyValuePair<object, object?>> Entries => _entries;

    /// <summary>The keys in insertion order.</summary>
    public IEnumerable<object> Keys => _entries.Select(e => e.Key);

    /// <summary>The values in insertion order.</summary>
    public IEnumerable<object?> Values => _entries.Select(e => e.Value);

    /// <summary>The value of <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public object? this[object key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The map has no key {TypedBytesText.Format(key)}.");

    /// <summary>Whether the map holds <paramref name="key"/>.</summary>
    public bool ContainsKey(object key) => _index.ContainsKey(key);

    /// <summary>Looks a key up by value.</summary>
    public bool TryGetValue(object key, [MaybeNullWhen(false)] out object? value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            value = _entries[at].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<object, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<object, object?>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Equal when the other map holds equal values under equal keys, in any order.</summary>
    public override bool Equals(object? obj)
    {
        if (ReferenceEquals(this, obj))
        {
            return true;
        }

        if (obj is not TypedBytesMap other || other.Count != Count)
        {
            return false;
        }

        foreach (var entry in _entries)
        {
            if (!other.TryGetValue(entry.Key, out var value) || !TypedBytesValueComparer.Instance.Equals(entry.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        // Order-free, to match order-free equality.
        var sum = 0;
        foreach (var entry in _entries)
        {
            sum += HashCode.Combine(TypedBytesValueComparer.Instance.GetHashCode(entry.Key), TypedBytesValueComparer.Instance.GetHashCode(entry.Value));
        }

        return HashCode.Combine(Count, sum);
    }

    /// <inheritdoc/>
    public override string ToString() => TypedBytesText.Format(this);
}
