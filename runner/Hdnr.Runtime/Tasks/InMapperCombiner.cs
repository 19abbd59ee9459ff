using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hdnr.Runtime.Conversion;

namespace Hdnr.Runtime.Tasks;

/// <summary>Where a map task's pairs wait, grouped by key, for the script's Combine to run over them before they leave the task (<see cref="Jobs.InMapperCombining"/>).</summary>
internal abstract class InMapperBuffer<TKey, TValue> : IInMapperCounts
{
    /// <inheritdoc/>
    public abstract long Taken { get; }

    /// <inheritdoc/>
    public abstract long Written { get; }

    /// <summary>Takes one pair the map wrote.</summary>
    public abstract void Add(TKey key, TValue value);

    /// <inheritdoc/>
    public abstract void Flush();
}

/// <summary>What the task loop asks of an in-mapper buffer whatever its types: to write out what it holds, and its counts.</summary>
internal interface IInMapperCounts
{
    /// <summary>The pairs the map wrote into the buffer.</summary>
    long Taken { get; }

    /// <summary>The pairs Combine returned that left the task.</summary>
    long Written { get; }

    /// <summary>Runs Combine over every key held, in the order the keys first came, and writes what it returns.</summary>
    void Flush();
}

/// <summary>The buffer of a job whose Combine takes and returns the map's own pair types.</summary>
/// <remarks>
/// Keys keep the order they first came in, and each key's values the order they came in, so a map task writes the same
/// pairs on every run. A key with many values is combined as it goes (its Combine's pairs for that key go back in as its
/// values, as Hadoop's combiner runs again over combined spills), so the buffer holds about one entry per key; the whole
/// buffer is combined and written when its estimated size passes the limit, and when the map ends.
/// </remarks>
internal sealed class InMapperCombiner<TKey, TValue, TPair, TAccess>(
    TaskRun run, string name, Func<TKey, IEnumerable<TValue>, IEnumerable<TPair>> combine, long limit) : InMapperBuffer<TKey, TValue>
    where TAccess : struct, IPairAccess<TPair, TKey, TValue>
{
    // Values of one key combined at a time, before the key's values are replaced by what Combine returns for it. Small,
    // so the values every key holds stay in the processor's cache: at 256 a word count's map task took about 10% longer
    // (its 6,000 keys' arrays spread over 6 MB), and 8 was no faster than 32.
    private const int CombineEvery = 32;

    // A dictionary entry, the key's list and its array: what a key costs beside its own bytes.
    private const int KeyOverhead = 120;

    // A null key never reaches the dictionary (Add writes it out first). Each key's values live in the dictionary's own
    // entry, so a pair costs one lookup and no other structure to walk.
#pragma warning disable CS8714 // a null key never reaches the dictionary
    private readonly Dictionary<TKey, Slot> _slots = new();
#pragma warning restore CS8714
    private readonly List<TKey> _keys = [];
    private readonly List<TPair> _returned = [];
    private long _bytes;
    private long _taken;
    private long _written;

    public override long Taken => _taken;

    public override long Written => _written;

    public override void Add(TKey key, TValue value)
    {
        _taken++;
        if (key is null)
        {
            // A dictionary takes no null key: such a pair goes out as it came, as it would without the buffer.
            Write(key, value);
            return;
        }
#pragma warning disable CS8714 // a null key never reaches the dictionary
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, key, out var known);
#pragma warning restore CS8714
        if (!known)
        {
            slot = new Slot([], CombineEvery);
            _keys.Add(key);
            _bytes += KeyOverhead + KeySize(key);
        }
        slot.Values.Add(value);
        _bytes += ValueSize(value);
        // Nothing below adds a key, so the reference into the dictionary stays good.
        if (slot.Values.Count >= slot.CombineAt) slot.CombineAt = CombineInPlace(key, slot.Values);
        if (_bytes > limit) Flush();
    }

    public override void Flush()
    {
        foreach (var key in _keys)
        {
            foreach (var pair in Combine(key, _slots[key].Values)) Write(TAccess.Key(pair), TAccess.Value(pair));
        }
        _slots.Clear();
        _keys.Clear();
        _bytes = 0;
    }

    // Replaces a key's values with what Combine returns for them (pairs it returns for another key leave the task), and
    // says at how many values to combine the key again.
    private int CombineInPlace(TKey key, List<TValue> values)
    {
        var before = Size(values);
        var returned = Combine(key, values);
        values.Clear();
        foreach (var pair in returned)
        {
            if (EqualityComparer<TKey>.Default.Equals(TAccess.Key(pair), key)) values.Add(TAccess.Value(pair));
            else Write(TAccess.Key(pair), TAccess.Value(pair));
        }
        _bytes += Size(values) - before;
        // A Combine that keeps most values (one that only filters, say) is run again only once they have doubled.
        return Math.Max(CombineEvery, 2 * values.Count);
    }

    // Runs Combine to its end: its pairs are taken before the values they came from are cleared.
    private List<TPair> Combine(TKey key, List<TValue> values)
    {
        _returned.Clear();
        try
        {
            var pairs = combine(key, values);
            if (pairs is not null)
            {
                foreach (var pair in pairs) _returned.Add(pair);
            }
        }
        catch (Exception exception) when (InputFailure.IsScripts(exception))
        {
            throw ScriptException.InMapTask(name, run.Reader.Record, exception);
        }
        return _returned;
    }

    private void Write(TKey key, TValue value)
    {
        _written++;
        run.Sink.Write(key, value);
    }

    private static long Size(List<TValue> values)
    {
        if (typeof(TValue) != typeof(string)) return (long)values.Count * Unsafe.SizeOf<TValue>();
        var size = 0L;
        foreach (var value in values) size += ValueSize(value);
        return size;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ValueSize(TValue value) =>
        typeof(TValue) == typeof(string) ? 32 + 2L * (Unsafe.As<TValue, string?>(ref value)?.Length ?? 0) : Unsafe.SizeOf<TValue>();

    // Only for a new key, so a tuple may be looked at through ITuple.
    private static long KeySize(TKey key) => key switch
    {
        string text => 24 + 2L * text.Length,
        ITuple tuple => Enumerable.Range(0, tuple.Length).Sum(i => tuple[i] is string text ? 32 + 2L * text.Length : 8),
        _ => 8,
    };

    // A key's values, and at how many it is combined next.
    private record struct Slot(List<TValue> Values, int CombineAt);
}
