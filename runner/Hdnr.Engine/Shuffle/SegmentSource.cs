// Merge and shuffle: every map's segment for one reduce task, merged in key order.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Shuffle;

/// <summary>A sorted segment handed to a task as its input pairs, counted.</summary>
internal sealed class SegmentSource(SortedSegment segment) : IPairSource
{
    /// <summary>Pairs handed out.</summary>
    public long Records { get; private set; }

    public bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        if (!segment.Next(out key, out value)) return false;
        Records++;
        return true;
    }
}
