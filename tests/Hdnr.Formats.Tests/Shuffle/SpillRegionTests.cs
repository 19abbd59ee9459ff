using Hdnr.Formats.Shuffle;

namespace Hdnr.Formats.Tests.Shuffle;

/// <summary>A later spill's pairs sit in Hadoop's buffer where Hadoop 2.8.5 put them, and what that costs counts as used.</summary>
public sealed class SpillRegionTests
{
    private const long Buffer = 1 << 20;

    [Fact]
    public void A_later_spill_starts_at_the_equator_hadoop_logged_and_its_alignment_counts_as_used()
    {
        // From a 2.8.5 map task's log (sort buffer 1 MiB, pairs of about 10 bytes): the first spill of 32413 pairs ended
        // at 320260 with 838884 bytes in use when the next pair came; Hadoop logged "(EQUATOR) 425106". The second, of
        // 31716 pairs more, ended at 756506 with 838874 in use; Hadoop logged "(EQUATOR) 861357".
        var second = SpillRegion.AfterSoftLimit(320260, 838884, 320260, 32413, Buffer);
        var third = SpillRegion.AfterSoftLimit(756506, 838874, 320260 + (756506 - 425106), 32413 + 31716, Buffer);

        Assert.Equal(425106, second.Equator);
        Assert.Equal(425106 % 16, second.Extra);
        Assert.Equal(861357, third.Equator);
        Assert.Equal(861357 % 16, third.Extra);
        Assert.Equal(0, SpillRegion.First.Extra);
    }

    [Fact]
    public void A_key_that_would_cross_the_buffers_end_leaves_its_head_bytes_unused_and_a_value_leaves_none()
    {
        var region = new SpillRegion(Buffer - 100, 0, false);

        var key = region.After(serialized: 95, keySerialized: 8, pairSerialized: 20, Buffer);
        var value = region.After(serialized: 90, keySerialized: 8, pairSerialized: 20, Buffer);
        var noWrap = region.After(serialized: 80, keySerialized: 8, pairSerialized: 20, Buffer);

        Assert.Equal(new SpillRegion(Buffer - 100, 5, true), key);
        // The key moved to the buffer's start, its value after it.
        Assert.Equal(20, key.Position(95 + 20, Buffer));
        Assert.Equal(new SpillRegion(Buffer - 100, 0, true), value);
        Assert.Equal(region, noWrap);
        Assert.Equal(key, key.After(200, 8, 20, Buffer));
    }
}
