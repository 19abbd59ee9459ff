using Hdnr.Engine.MapSide;
using Hdnr.Engine.Shuffle;
using Hdnr.Engine.Spill;
using Hdnr.Formats.Shuffle;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Engine.Tests;

/// <summary>The engine's own map-side buffer and reduce-side merge give each reducer what Hadoop's gave it.</summary>
public sealed class ShuffleOrderTests
{
    [Fact]
    public void Sortkeys_through_two_map_buffers_and_the_merge_reach_each_of_three_reducers_as_in_hadoop()
    {
        var pairs = ReadPairs("sortkeys.tb");
        Assert.Equal(29, pairs.Count);
        var work = Support.TempDir();
        // Two map tasks, each with half of the pairs, as Hadoop's job j8 had splits; then one merge per reducer.
        var runs = new List<SpillRun>();
        foreach (var (half, number) in new[] { (pairs[..14], 0), (pairs[14..], 1) })
        {
            var buffer = new MapOutputBuffer(3, HashPartitioner.Instance, BinaryKeyOrder.Instance, SpillAccounting.For(1, 0.8f, Hdnr.Runtime.Wire.WireFormat.TypedBytes),
                () => new SpillWriter(Path.Combine(work, $"map{number}.out"), 3), combine: null);
            foreach (var (key, value) in half) buffer.Add(key, value);
            buffer.Flush();
            runs.AddRange(buffer.Runs);
        }

        for (var part = 0; part < 3; part++)
        {
            var merged = new List<(byte[] Key, byte[] Value)>();
            using (var merger = new RunMerger([.. runs.Select(run => new SegmentReader(run, part))], BinaryKeyOrder.Instance))
            {
                while (merger.Next(out var key, out var value)) merged.Add((key.ToArray(), value.ToArray()));
            }

            var expected = ReadPairs($"j8.reduce-stdin.part{part}.tb");
            Assert.Equal(expected.Select(p => Hex(p.Key)), merged.Select(p => Hex(p.Key)));
            // Hadoop does not define the order of one key's values across maps, so they are compared as sets.
            foreach (var group in expected.GroupBy(p => Hex(p.Key)))
            {
                Assert.Equal(
                    group.Select(p => Hex(p.Value)).Order(),
                    merged.Where(p => Hex(p.Key) == group.Key).Select(p => Hex(p.Value)).Order());
            }
        }
    }

    [Fact]
    public void Twelve_spills_merge_in_hadoops_passes_an_empty_segment_counting_for_the_first()
    {
        // One pair per spill in partition 0 unless the spill is listed as empty; what the passes before the last write.
        static long Intermediate(int spills, params int[] empty) => MergePlan.Of(
            [.. Enumerable.Range(0, spills).Select(i => empty.Contains(i)
                ? new SpillRun("unused", [0, 0], [SpillAccounting.SegmentEndBytes], [0])
                : new SpillRun("unused", [0, 10], [SpillAccounting.SegmentEndBytes + 10 + i], [1]))], 0, 10).IntermediateRecords;

        // Ten segments or fewer: one pass. Twelve: the three shortest first ((12 - 1) % 9 + 1), then ten.
        Assert.Equal(0, Intermediate(10));
        Assert.Equal(3, Intermediate(12));
        // Nineteen: ten first, then the other nine with that pass's output.
        Assert.Equal(10, Intermediate(19));
        // Twelve of which two are empty: the first pass is still sized for twelve and takes three pairs' spills.
        Assert.Equal(3, Intermediate(12, 4, 7));
    }

    [Fact]
    public void Merge_passes_give_hadoops_order_of_a_keys_values_where_one_pass_would_not()
    {
        var work = Support.TempDir();
        // Twelve spills of one key, the i-th holding value i, i + 1 times: longer spills last in Hadoop's list.
        var runs = Enumerable.Range(0, 12).Select(i =>
        {
            using var writer = new SpillWriter(Path.Combine(work, $"spill{i}.out"), 1, SpillAccounting.For(1, 0.8f, Hdnr.Runtime.Wire.WireFormat.Text));
            writer.StartPartition(0);
            for (var n = 0; n <= i; n++) writer.Add("k"u8, [(byte)('a' + i)]);
            return writer.Complete();
        }).ToList();

        var plan = MergePlan.Of(runs, 0, 10);
        var values = new List<char>();
        using (var merged = plan.Open(spill => new SegmentReader(runs[spill], 0), BinaryKeyOrder.Instance))
        {
            while (merged.MoveNext()) values.Add((char)merged.Value[0]);
        }

        // The first pass merges the three shortest, a, b and c (a heap of equal keys hands out its root until it ends,
        // then its last leaf takes the root: acccbb); that output (42 bytes, as long as f) goes back where Java's binary
        // search puts it, before f; the last pass merges d, e, it, f ... l. One pass over all twelve would start with a.
        Assert.Equal(6, plan.IntermediateRecords);
        Assert.Equal("dddd" + "llllllllllll" + "kkkkkkkkkkk" + "jjjjjjjjjj" + "iiiiiiiii" + "hhhhhhhh" + "ggggggg" + "ffffff" + "acccbb" + "eeeee", new string([.. values]));
    }

    private static List<(byte[] Key, byte[] Value)> ReadPairs(string fixture)
    {
        var pairs = new List<(byte[], byte[])>();
        using var reader = new TypedBytesReader(File.OpenRead(Path.Combine(Support.RepoRoot, "tests", "fixtures", fixture)));
        while (reader.TryReadRaw(out var key))
        {
            var k = key.ToArray();
            Assert.True(reader.TryReadRaw(out var value), $"{fixture}: a key without a value");
            pairs.Add((k, value.ToArray()));
        }

        return pairs;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
