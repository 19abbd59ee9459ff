using System.Text;
using Hdnr.Formats.Shuffle;
using Hdnr.Runtime.Wire;

namespace Hdnr.Formats.Tests.Shuffle;

/// <summary>The sort verb's sorter: the shuffle's key order, equal keys in input order, the same past its memory limit as within it.</summary>
public sealed class PairSorterTests
{
    [Fact]
    public void Runs_spilled_past_the_memory_limit_merge_into_the_order_of_one_sort_in_memory_and_leave_no_file()
    {
        var lines = Enumerable.Range(0, 2000).Select(i => $"k{i * 7919 % 97}\t{i}").ToList();
        var input = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        var before = Leftovers();

        var spilled = Sort(input, memoryLimit: 500);
        var inMemory = Sort(input, memoryLimit: long.MaxValue);

        // Stable: a key's lines keep their input order, which LINQ's OrderBy (a stable sort by ordinal bytes) also keeps.
        var expected = string.Concat(lines.OrderBy(l => Encoding.UTF8.GetBytes(l[..l.IndexOf('\t')]), ByteOrder.Instance).Select(l => l + "\n"));
        Assert.Equal(expected, spilled);
        Assert.Equal(expected, inMemory);
        Assert.Equal(before, Leftovers());
    }

    [Fact]
    public void Typedbytes_pairs_sort_by_the_keys_whole_encoding_and_a_truncated_pair_is_named_by_its_offset()
    {
        // int 2 (code 3) sorts before string "a" (code 7): the type code is the first byte compared.
        byte[] stringA = [7, 0, 0, 0, 1, (byte)'a'];
        byte[] int2 = [3, 0, 0, 0, 2];
        byte[] input = [.. stringA, .. int2, .. int2, .. stringA];

        var sorted = new MemoryStream();
        new PairSorter(BinaryKeyOrder.Instance, null, 1 << 20).Sort(new MemoryStream(input), sorted);
        var failure = Assert.Throws<InvalidDataException>(() =>
            new PairSorter(BinaryKeyOrder.Instance, null, 1 << 20).Sort(new MemoryStream([.. input, 3, 0]), new MemoryStream()));

        Assert.Equal([.. int2, .. stringA, .. stringA, .. int2], sorted.ToArray());
        Assert.Equal("typedbytes input: bad typed bytes at byte offset 24: the input ends inside the key of record 3, which starts at byte offset 22.", failure.Message);
    }

    private static string Sort(byte[] input, long memoryLimit)
    {
        var output = new MemoryStream();
        new PairSorter(BinaryKeyOrder.Instance, KeyFields.Default, memoryLimit).Sort(new MemoryStream(input), output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static int Leftovers() => Directory.GetDirectories(Path.GetTempPath(), "hdnr-sort-*").Length;

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
