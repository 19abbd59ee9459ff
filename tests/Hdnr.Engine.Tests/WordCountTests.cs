using System.Text;
using Hdnr.Formats.Counters;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Tests;

/// <summary>Word count, the main job, gives exactly Hadoop's part files: keys partitioned by Hadoop's hash, sorted by their bytes.</summary>
public sealed class WordCountTests
{
    private static readonly string[] ExampleInputs =
        ["wc.txt", "vowels.txt", "spellnumbers.txt", "triangular.txt", "vowelcount.txt"];

    private static string[] Inputs => ExampleInputs.Select(Support.Example).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Part_files_hold_each_reducers_keys_in_byte_order(int reducers)
    {
        var job = Support.Job(Support.Example("wc.csx"), Inputs) with { Reducers = reducers };

        var result = Support.Run(job);

        Assert.Equal(Support.ExpectedWordCount(Inputs, reducers), Support.Parts(job.Output));
        Assert.True(File.Exists(Path.Combine(job.Output, "_SUCCESS")));
        Assert.Empty(File.ReadAllBytes(Path.Combine(job.Output, "_SUCCESS")));
        Assert.False(Directory.Exists(Path.Combine(job.Output, "_temporary")));
        Assert.Equal(reducers, result.ReduceTasks);
    }

    [Fact]
    public void The_example_counts_the_four_times()
    {
        var job = Support.Job(Support.Example("wc.csx"), Support.Example("wc.txt"));

        Support.Run(job);

        Assert.Contains("the\t4\n", Support.Parts(job.Output)["part-00000"]);
    }

    [Fact]
    public void Counters_add_up_over_the_tasks()
    {
        var job = Support.Job(Support.Example("wc.csx"), Support.Example("wc.txt"));

        var result = Support.Run(job);

        var words = File.ReadAllText(Support.Example("wc.txt")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var distinct = File.ReadAllText(Support.Example("wc.txt")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().Count();
        Assert.Equal(words, result.Counters[HadoopCounters.MapOutputRecords]);
        Assert.Equal(words, result.Counters[HadoopCounters.CombineInputRecords]);
        Assert.Equal(distinct, result.Counters[HadoopCounters.ReduceOutputRecords]);
        Assert.Equal(File.ReadAllLines(Support.Example("wc.txt")).Length, result.Counters[HadoopCounters.MapInputRecords]);
    }

    [Fact]
    public void Many_small_splits_and_spills_give_the_same_output_as_one()
    {
        var dir = Support.TempDir();
        var input = Path.Combine(dir, "big.txt");
        var text = new StringBuilder();
        var random = new Random(7);
        // 6,000 lines are about 150 splits of 997 bytes: many small splits, each line end kind at many split edges.
        for (var line = 0; line < 6000; line++)
        {
            for (var w = random.Next(0, 9); w > 0; w--) text.Append("w").Append(random.Next(0, 3000)).Append(' ');
            // Every kind of line end Hadoop's LineReader knows, so splits must find them all.
            text.Append((line % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" });
        }
        File.WriteAllText(input, text.ToString());
        var script = Support.Example("wc.csx");

        var whole = Support.Job(script, input) with { Reducers = 2, SplitBytes = 1L << 30 };
        var pieces = Support.Job(script, input) with { Reducers = 2, SplitBytes = 997, SortBufferMb = 1, Parallelism = 3 };
        var noCombine = Support.Job(Support.Script(File.ReadAllText(script).Replace("Combine(", "NotCombine(")), input) with { Reducers = 2, SplitBytes = 4096 };
        var wholeResult = Support.Run(whole);
        var piecesResult = Support.Run(pieces);
        Support.Run(noCombine);

        Assert.Equal(1, wholeResult.MapTasks);
        Assert.True(piecesResult.MapTasks > 100);
        Assert.Equal(Support.Parts(whole.Output), Support.Parts(pieces.Output));
        Assert.Equal(Support.Parts(whole.Output), Support.Parts(noCombine.Output));
        // A \r line end followed by an empty \n-ended line reads as one \r\n: both ways count the same lines.
        Assert.Equal(wholeResult.Counters[HadoopCounters.MapInputRecords], piecesResult.Counters[HadoopCounters.MapInputRecords]);
        Assert.InRange(piecesResult.Counters[HadoopCounters.MapInputRecords], 5700, 6000);
    }

    [Fact]
    public void Typedbytes_output_is_a_sequence_file_of_the_same_pairs()
    {
        var job = Support.Job(Support.Example("wc.csx"), Support.Example("wc.txt")) with { Io = WireFormat.TypedBytes };

        Support.Run(job);

        var pairs = new List<(object?, object?)>();
        using (var reader = SequenceFileReader.Open(Path.Combine(job.Output, "part-00000")))
        {
            Assert.Equal(SequenceFileHeader.TypedBytesWritable, reader.Header.KeyClassName);
            while (reader.TryReadPair(out var key, out var value)) pairs.Add((key, value));
        }
        var expected = Support.ExpectedWordCount([Support.Example("wc.txt")], 1)["part-00000"]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .Select(p => ((object?)p[0], (object?)int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        // Typed bytes keys sort by their encoding: the 4-byte length first, so shorter strings come first.
        Assert.Equal(expected.OrderBy(p => Encoding.UTF8.GetByteCount((string)p.Item1!)).ThenBy(p => Encoding.UTF8.GetBytes((string)p.Item1!), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))), pairs);
    }
}
