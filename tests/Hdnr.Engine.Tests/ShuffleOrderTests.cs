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
