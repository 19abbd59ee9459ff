// Merge and shuffle: every map's segment for one reduce task, merged in key order.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Shuffle;

/// <summary>A sorted sequence of pairs read one at a time: a spill's segment, or a map task's spills merged.</summary>
internal abstract class SortedSegment : IPairSource, IDisposable
{
    /// <summary>The current pair's key, valid until <see cref="MoveNext"/>.</summary>
    public abstract ReadOnlySpan<byte> Key { get; }

    /// <summary>The current pair's value, valid until <see cref="MoveNext"/>.</summary>
    public abstract ReadOnlySpan<byte> Value { get; }

    /// <summary>Moves to the next pair; false at the end.</summary>
    public abstract bool MoveNext();

    public bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        var more = MoveNext();
        key = more ? Key : default;
        value = more ? Value : default;
        return more;
    }

    public abstract void Dispose();
}
