using System.Text;
using Hdnr.Formats.Shuffle;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.Tests.Shuffle;

public sealed class ShuffleTests
{
    [Fact]
    public void Partitioning_and_sorting_sortkeys_gives_what_each_of_Hadoops_three_reducers_read()
    {
        var pairs = ReadPairs("sortkeys.tb");
        Assert.Equal(29, pairs.Count);
        for (var part = 0; part < 3; part++)
        {
            var expected = ReadPairs($"j8.reduce-stdin.part{part}.tb");
            var mine = pairs
                .Where(p => HashPartitioner.Instance.Partition(p.Key, 3) == part)
                .OrderBy(p => p.Key, BinaryKeyOrder.Instance)
                .ToList();

            Assert.Equal(expected.Select(p => Hex(p.Key)), mine.Select(p => Hex(p.Key)));

            // Hadoop does not define the order of values within one key, so they are compared as sets.
            foreach (var group in expected.GroupBy(p => Hex(p.Key)))
            {
                Assert.Equal(
                    group.Select(p => Hex(p.Value)).Order(),
                    mine.Where(p => Hex(p.Key) == group.Key).Select(p => Hex(p.Value)).Order());
            }
        }
    }

    [Fact]
    public void Typed_bytes_keys_sort_by_their_encoding_unsigned_type_code_first()
    {
        var ordered = new object[] { 0, int.MaxValue, -1, 1L, "b", "aa" }
            .Select(TypedBytesCodec.Encode)
            .Order(BinaryKeyOrder.Instance)
            .Select(b => TypedBytesCodec.Decode(b))
            .ToArray();

        // Ints (code 3) before longs (4) before strings (7); -1 is 0xffffffff; "b" has the shorter length prefix.
        Assert.Equal(new object[] { 0, int.MaxValue, -1, 1L, "b", "aa" }, ordered);
        Assert.True(BinaryKeyOrder.Instance.Compare(TypedBytesCodec.Encode(-1), TypedBytesCodec.Encode(int.MaxValue)) > 0);
    }

    [Fact]
    public void Text_keys_sort_by_their_utf8_bytes_unsigned()
    {
        var ordered = new[] { "é", "a", "B", "ab", string.Empty, "\u007f" }
            .Select(Encoding.UTF8.GetBytes)
            .Order(BinaryKeyOrder.Instance)
            .Select(Encoding.UTF8.GetString);
        Assert.Equal(new[] { string.Empty, "B", "a", "ab", "\u007f", "é" }, ordered);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("a", 128)]
    [InlineData("hello", 0x079DF171)] // 31^5 + Java's "hello".hashCode(), since hashBytes starts from 1, not 0
    public void HashBytes_is_Javas_hashBytes(string text, int expected)
    {
        Assert.Equal(expected, HashPartitioner.HashBytes(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Bytes_above_127_count_as_negative_as_in_Java()
    {
        Assert.Equal((31 * 1) - 1, HashPartitioner.HashBytes([0xff]));
        Assert.Equal(2, HashPartitioner.Instance.Partition([0xff], 7)); // (30 & max) % 7
    }

    private static List<KeyValuePair<byte[], byte[]>> ReadPairs(string fixture)
    {
        var pairs = new List<KeyValuePair<byte[], byte[]>>();
        using var reader = new TypedBytesReader(File.OpenRead(TestFiles.Fixture(fixture)));
        while (reader.TryReadRaw(out var key))
        {
            var k = key.ToArray();
            Assert.True(reader.TryReadRaw(out var value), $"{fixture}: a key without a value");
            pairs.Add(new(k, value.ToArray()));
        }

        return pairs;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
