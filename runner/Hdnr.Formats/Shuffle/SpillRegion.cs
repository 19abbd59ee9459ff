namespace Hdnr.Formats.Shuffle;

/// <summary>Where Hadoop's map output buffer keeps the pairs of one spill (MapTask.MapOutputBuffer's equator and the bytes a wrapped key leaves unused), which moves where the next spill starts.</summary>
/// <remarks>
/// The first spill's pairs start at the buffer's start. Each later spill's start (its equator) is placed in the free
/// space after the pairs being spilled, by the average pair so far; its metadata is aligned on 16 bytes below the
/// equator, so the equator's distance past a 16-byte boundary counts as used. A key that would cross the buffer's end
/// is moved to its start, and the bytes it leaves at the end count as used until the spill. Both make Hadoop spill up
/// to a pair earlier than the pairs' own bytes say. Positions assume the previous spill is written before the pairs
/// after it reach the end of its space, as on any machine where sorting a spill is faster than the mapper fills a
/// fifth of the buffer; a slower spill only makes Hadoop wait, not move the next spill.
/// </remarks>
/// <param name="Equator">Where the spill's first pair starts in the buffer.</param>
/// <param name="Void">The bytes a key crossing the buffer's end left unused there.</param>
/// <param name="Wrapped">Whether the spill's pairs reached the buffer's end (they do at most once).</param>
public sealed record SpillRegion(long Equator, long Void, bool Wrapped)
{
    /// <summary>The first spill's region: from the buffer's start.</summary>
    public static SpillRegion First { get; } = new(0, 0, false);

    /// <summary>Bytes Hadoop counts as used beyond the pairs' own: the equator's alignment and the void.</summary>
    public long Extra => (Equator % SpillAccounting.MetaBytes) + Void;

    /// <summary>Where the next pair starts, after <paramref name="serialized"/> bytes of keys and values in this region.</summary>
    public long Position(long serialized, long bufferBytes) => (Equator + serialized + Void) % bufferBytes;

    /// <summary>Serialized bytes of this region that fit before the buffer's end (meaningless once <see cref="Wrapped"/>).</summary>
    public long ToEnd(long bufferBytes) => bufferBytes - Equator - Void;

    /// <summary>The region after a pair of <paramref name="pairSerialized"/> bytes, whose key takes <paramref name="keySerialized"/>, was written after <paramref name="serialized"/> bytes.</summary>
    public SpillRegion After(long serialized, int keySerialized, int pairSerialized, long bufferBytes)
    {
        var toEnd = ToEnd(bufferBytes) - serialized;
        if (Wrapped || pairSerialized <= toEnd) return this;
        // A value may wrap; a key must be contiguous, so its head bytes at the end are left unused (shiftBufferedKey).
        return this with { Void = keySerialized > toEnd ? toEnd : 0, Wrapped = true };
    }

    /// <summary>The next spill's region when a pair at <paramref name="position"/> reaches the soft limit with <paramref name="used"/> bytes in use (its metadata included), after <paramref name="mapBytes"/> bytes of <paramref name="mapRecords"/> pairs collected.</summary>
    public static SpillRegion AfterSoftLimit(long position, long used, long mapBytes, long mapRecords, long bufferBytes)
    {
        // Java int arithmetic, as Hadoop's collect computes the new equator: at least half the free space stays for
        // serialized bytes.
        var free = (int)(bufferBytes - used);
        var average = mapRecords == 0 ? 0 : (int)(mapBytes / mapRecords);
        var gap = Math.Max((2 * SpillAccounting.MetaBytes) - 1, Math.Min(free / 2, free / (SpillAccounting.MetaBytes + average) * SpillAccounting.MetaBytes));
        return new SpillRegion((position + gap) % bufferBytes, 0, false);
    }

    /// <summary>The next spill's region when a pair at <paramref name="position"/> does not fit: Hadoop blocks the write and starts the new region at that pair.</summary>
    public static SpillRegion AtPair(long position) => new(position, 0, false);
}
