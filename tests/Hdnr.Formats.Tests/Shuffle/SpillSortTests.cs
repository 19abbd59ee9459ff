using Hdnr.Formats.Shuffle;
using Hdnr.Tests;

namespace Hdnr.Formats.Tests.Shuffle;

/// <summary>The spill sort leaves repeated keys in the order Hadoop's own QuickSort and HeapSort leave them.</summary>
public sealed class SpillSortTests
{
    public static TheoryData<string, int> Sequences()
    {
        var data = new TheoryData<string, int>();
        var lines = File.ReadAllLines(TestFiles.Fixture("hadoop-spill-sort.tsv"));
        for (var line = 0; line < lines.Length; line++) data.Add(lines[line].Split('\t')[0], line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Sorts_a_sequence_with_repeated_keys_into_the_order_hadoop_left_it_in(string sorter, int line)
    {
        var fields = File.ReadAllLines(TestFiles.Fixture("hadoop-spill-sort.tsv"))[line].Split('\t');
        var keys = fields[1].Split(' ').Select(int.Parse).ToArray();
        var positions = Enumerable.Range(0, keys.Length).ToArray();
        var sortable = new Sequence(keys, positions);

        if (sorter == "quick") SpillSort.Sort(ref sortable, 0, keys.Length);
        else SpillSort.HeapSort(ref sortable, 0, keys.Length);

        Assert.Equal(fields[2], string.Join(' ', positions));
    }

    private readonly struct Sequence(int[] keys, int[] positions) : IIndexedSortable
    {
        public int Compare(int i, int j) => keys[i].CompareTo(keys[j]);

        public void Swap(int i, int j)
        {
            (keys[i], keys[j]) = (keys[j], keys[i]);
            (positions[i], positions[j]) = (positions[j], positions[i]);
        }
    }
}
