using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Tasks;

/// <summary>The user's word count end to end, as Hadoop streaming would run it: map, shuffle sort, combine, reduce.</summary>
public sealed class WordCountTests
{
    private const string WordCount = """
        /// Word count: counts each word of the input.
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                yield return (word, 1);
        }
        IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
        {
            yield return (word, counts.Sum());
        }
        IEnumerable<(string, int)> Combine(string word, IEnumerable<int> counts) => Reduce(word, counts);
        """;

    /// <summary>Hadoop's shuffle for text keys: sort lines by key bytes (stable, so values keep map order).</summary>
    private static byte[] Shuffle(byte[] mapOutput)
    {
        var lines = Encoding.UTF8.GetString(mapOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sorted = lines.OrderBy(l => l.Split('\t')[0], StringComparer.Ordinal);
        return Encoding.UTF8.GetBytes(string.Concat(sorted.Select(l => l + "\n")));
    }

    [Fact]
    public void Map_shuffle_combine_reduce_counts_every_word()
    {
        var job = Scripts.Job(WordCount);
        var input = "the cat sat\r\non the mat\n\nthe end"u8.ToArray();
        var mapped = Scripts.Run(job, TaskKind.Map, TaskIo.Text, input);
        Assert.Equal("the\t1\ncat\t1\nsat\t1\non\t1\nthe\t1\nmat\t1\nthe\t1\nend\t1\n", Encoding.UTF8.GetString(mapped));
        var combined = Scripts.Run(job, TaskKind.Combine, TaskIo.Text, Shuffle(mapped));
        var reduced = Scripts.Run(job, TaskKind.Reduce, TaskIo.Text, Shuffle(combined));
        Assert.Equal("cat\t1\nend\t1\nmat\t1\non\t1\nsat\t1\nthe\t3\n", Encoding.UTF8.GetString(reduced));
    }
}
