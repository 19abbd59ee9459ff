// Reduce side: a reduce task and the sorted input it reads.
namespace Hdnr.Engine.ReduceSide;

/// <summary>The few keys with the most records among those offered, most first; of equal counts the first offered stays.</summary>
/// <remarks>Offered once per group of equal keys: a group lighter than the lightest kept costs one comparison.</remarks>
internal sealed class HeaviestKeys(int capacity)
{
    private readonly List<(byte[] Key, long Records)> _top = new(capacity + 1);

    /// <summary>The kept keys and their record counts, most first.</summary>
    public IReadOnlyList<(byte[] Key, long Records)> Top => _top.ToArray();

    /// <summary>Keeps <paramref name="key"/> if its <paramref name="records"/> are among the most seen so far.</summary>
    public void Offer(ReadOnlySpan<byte> key, long records)
    {
        if (capacity <= 0 || (_top.Count == capacity && records <= _top[^1].Records)) return;
        var at = _top.Count;
        while (at > 0 && _top[at - 1].Records < records) at--;
        _top.Insert(at, (key.ToArray(), records));
        if (_top.Count > capacity) _top.RemoveAt(capacity);
    }
}
