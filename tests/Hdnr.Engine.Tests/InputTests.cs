using System.IO.Compression;
using Hdnr.Formats.Input;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.Wire;
using ICSharpCode.SharpZipLib.BZip2;

namespace Hdnr.Engine.Tests;

/// <summary>Inputs as Hadoop reads them: directories, globs, compressed text, SequenceFiles, split at line boundaries.</summary>
public sealed class InputTests
{
    private const string Identity = """
        /// Map-only: each line as it is.
        IEnumerable<(string, string)> Map(long offset, string line)
        {
            yield return (line, "");
        }
        """;

    [Fact]
    public void Gzip_and_bzip2_files_count_like_the_plain_text()
    {
        var dir = Support.TempDir();
        var text = File.ReadAllBytes(Support.Example("wc.txt"));
        using (var gz = new GZipStream(File.Create(Path.Combine(dir, "a.txt.gz")), CompressionLevel.Optimal)) gz.Write(text);
        using (var bz = new BZip2OutputStream(File.Create(Path.Combine(dir, "b.txt.bz2")))) bz.Write(text);
        var job = Support.Job(Support.Example("wc.csx"), Path.Combine(dir, "a.txt.gz"), Path.Combine(dir, "b.txt.bz2"));

        Support.Run(job);

        Assert.Equal(Support.ExpectedWordCount([Support.Example("wc.txt"), Support.Example("wc.txt")], 1), Support.Parts(job.Output));
    }

    [Fact]
    public void A_directory_and_a_glob_read_their_files_but_not_hidden_ones()
    {
        var dir = Support.TempDir();
        File.Copy(Support.Example("wc.txt"), Path.Combine(dir, "one.txt"));
        File.Copy(Support.Example("vowels.txt"), Path.Combine(dir, "two.txt"));
        File.WriteAllText(Path.Combine(dir, "_SUCCESS"), "not input");
        File.WriteAllText(Path.Combine(dir, ".hidden.txt"), "not input");
        var fromDirectory = Support.Job(Support.Example("wc.csx"), dir);
        var fromGlob = Support.Job(Support.Example("wc.csx"), Path.Combine(dir, "*.txt"));

        Support.Run(fromDirectory);
        Support.Run(fromGlob);

        var expected = Support.ExpectedWordCount([Support.Example("wc.txt"), Support.Example("vowels.txt")], 1);
        Assert.Equal(expected, Support.Parts(fromDirectory.Output));
        Assert.Equal(expected, Support.Parts(fromGlob.Output));
    }

    [Fact]
    public void A_missing_input_is_named()
    {
        var job = Support.Job(Support.Example("wc.csx"), "/nonexistent/in.txt");

        var error = Assert.Throws<InputPathException>(() => Support.Run(job));

        Assert.Equal("Input path does not exist: file:/nonexistent/in.txt", error.Message);
        Assert.False(Directory.Exists(job.Output));
    }

    [Fact]
    public void A_map_only_job_writes_one_part_per_split_with_every_line_once()
    {
        var dir = Support.TempDir();
        var input = Path.Combine(dir, "lines.txt");
        var lines = Enumerable.Range(0, 5000).Select(i => $"line {i} " + new string('x', i % 37)).ToList();
        // Every line end Hadoop's LineReader knows, and no end on the last line: each line once, without its end.
        File.WriteAllText(input, string.Concat(lines.Select((l, i) => l + (i == lines.Count - 1 ? "" : (i % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" }))));
        var job = Support.Job(Support.Script(Identity), input) with { SplitBytes = 10_000 };

        var result = Support.Run(job);

        Assert.Equal(0, result.ReduceTasks);
        var parts = Support.Parts(job.Output);
        Assert.Equal(result.MapTasks, parts.Count);
        Assert.True(parts.Count > 10);
        var splits = SplitPlanner.Plan([input], 2, 10_000);
        var byOffset = parts.Values.Select((text, i) => (splits[i].Start, text)).OrderBy(p => p.Start).Select(p => p.text);
        Assert.Equal(string.Concat(lines.Select(l => l + "\t\n")), string.Concat(byOffset));
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_at_file_offset_0_only_so_a_split_starting_with_one_keeps_it()
    {
        var dir = Support.TempDir();
        var input = Path.Combine(dir, "bom.txt");
        // Every line after the first starts with a mark, so every split after the first starts with one.
        File.WriteAllBytes(input, [.. "\uFEFFfirst\r\n"u8, .. Enumerable.Repeat("\uFEFFsame\r"u8.ToArray(), 2000).SelectMany(l => l)]);
        var job = Support.Job(Support.Script(Identity), input) with { SplitBytes = 1000 };

        var result = Support.Run(job);

        Assert.True(result.MapTasks > 10);
        var splits = SplitPlanner.Plan([input], 2, 1000);
        var byOffset = Support.Parts(job.Output).Values.Select((text, i) => (splits[i].Start, text)).OrderBy(p => p.Start).Select(p => p.text);
        Assert.Equal("first\t\n" + string.Concat(Enumerable.Repeat("\uFEFFsame\t\n", 2000)), string.Concat(byOffset));
    }

    [Fact]
    public void In_process_tasks_with_reducers_get_hadoops_splits()
    {
        var dir = Support.TempDir();
        var input = Path.Combine(dir, "lines.txt");
        var lines = Enumerable.Range(0, 200_000).Select(i => $"line {i} " + new string('x', i % 97)).ToList();
        File.WriteAllText(input, string.Concat(lines.Select(l => l + "\n")));
        // Each map task writes its first line and how many lines it read, at its end: what a split holds shows.
        var script = Support.Script("""
            string? first = null;
            var count = 0;
            IEnumerable<(string, string)> Map(long offset, string line)
            {
                first ??= line;
                count++;
                yield break;
            }
            IEnumerable<(string, string)> MapEnd() { yield return (first ?? "", count.ToString()); }
            IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> counts) { foreach (var c in counts) yield return (key, c); }
            """);
        // 11.6 MiB in 8 MiB blocks (more than FileInputFormat's 1.1 slop): Hadoop cuts one 8 MiB split and one of the rest,
        // however many cores there are; the finer splits launch-local once cut for in-process tasks would make more.
        var job = Support.Job(script, input) with { SplitBytes = 8 << 20, Reducers = 2, Parallelism = 4 };

        var result = Support.Run(job);

        var splits = SplitPlanner.Plan([input], 1, 8 << 20);
        Assert.Equal(2, splits.Count);
        Assert.Equal(splits.Count, result.MapTasks);
        var starts = new List<long>();
        var at = 0L;
        foreach (var line in lines)
        {
            starts.Add(at);
            at += line.Length + 1;
        }
        var expected = splits.Select(split => LineBoundaries.Of(split))
            .Select(range => (First: starts.BinarySearch(range.Begin), Count: starts.Count(s => s >= range.Begin && s < range.End)))
            .Select(owned => $"{lines[owned.First]}\t{owned.Count}\n").Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Concat(Support.Parts(job.Output).Values).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Small_files_are_one_split_each_whatever_mapreduce_job_maps_says_as_in_hadoops_local_mode()
    {
        var job = Support.Job(Support.Script(Identity), Support.Example("wc.txt"), Support.Example("triangular.txt")) with
        {
            Configuration = [new("mapreduce.job.maps", "4")],
        };

        var result = Support.Run(job);

        Assert.Equal(2, result.MapTasks);
        // Largest split first: triangular.txt (292 bytes) is map 0, wc.txt (94 bytes) map 1.
        Assert.StartsWith("1\t\n", Support.Parts(job.Output)["part-00000"]);
        Assert.StartsWith("the quick", Support.Parts(job.Output)["part-00001"]);
    }

    [Fact]
    public void Splits_follow_hadoops_size_rule_largest_first()
    {
        var dir = Support.TempDir();
        var small = Path.Combine(dir, "small.txt");
        var big = Path.Combine(dir, "big.txt");
        File.WriteAllBytes(small, new byte[100]);
        File.WriteAllBytes(big, new byte[1000]);

        // goalSize = 1100 / 2 = 550; big: 550, then 450 left (< 1.1 x 550) is one split; small: one split.
        var splits = SplitPlanner.Plan([small, big], requestedMaps: 2, blockSize: 32L << 20);

        Assert.Equal([(big, 0L, 550L), (big, 550L, 450L), (small, 0L, 100L)], splits.Select(s => (s.Path, s.Start, s.Length)));
    }

    [Fact]
    public void A_sequence_file_of_typed_bytes_is_read_with_typedbytes_io()
    {
        var dir = Support.TempDir();
        var input = Path.Combine(dir, "in.seq");
        using (var writer = SequenceFileWriter.Create(input))
        {
            writer.Append(1L, "a b a");
            writer.Append(2L, "b c");
            writer.Complete();
        }
        var job = Support.Job(Support.Example("wc.csx"), input);

        Support.Run(job);

        using var reader = SequenceFileReader.Open(Path.Combine(job.Output, "part-00000"));
        var pairs = new List<(object?, object?)>();
        while (reader.TryReadPair(out var key, out var value)) pairs.Add((key, value));
        Assert.Equal([("a", (object)2), ("b", 2), ("c", 1)], pairs);
    }

    [Fact]
    public void A_sequence_file_with_text_io_is_refused_before_anything_runs()
    {
        var dir = Support.TempDir();
        var input = Path.Combine(dir, "in.seq");
        using (var writer = SequenceFileWriter.Create(input))
        {
            writer.Append(1L, "a");
            writer.Complete();
        }
        var job = Support.Job(Support.Example("wc.csx"), input, Support.Example("wc.txt"));

        var error = Assert.Throws<InvalidDataException>(() => Support.Run(job));

        Assert.Equal($"{input} is a SequenceFile: run the job with --io typedbytes (or --inputformat SequenceFileAsTextInputFormat) to read it", error.Message);
        Assert.False(Directory.Exists(job.Output));
    }

    [SharedVectorsFact]
    public void Hadoopys_alice_sequence_file_counts_like_its_text()
    {
        var text = Path.Combine(Support.SharedVectors, "wc-input-alice.txt");
        var sequence = Path.Combine(Support.SharedVectors, "wc-input-alice.tb");
        var fromText = Support.Job(Support.Example("wc.csx"), text) with { Io = WireFormat.TypedBytes };
        var fromSequence = Support.Job(Support.Example("wc.csx"), sequence);

        Support.Run(fromText);
        Support.Run(fromSequence);

        Assert.NotEmpty(Pairs(Path.Combine(fromText.Output, "part-00000")));
        Assert.Equal(Pairs(Path.Combine(fromText.Output, "part-00000")), Pairs(Path.Combine(fromSequence.Output, "part-00000")));
    }

    private static List<string> Pairs(string path)
    {
        using var reader = SequenceFileReader.Open(path);
        var pairs = new List<string>();
        while (reader.TryReadPair(out var key, out var value)) pairs.Add($"{key}\t{value}");
        return pairs;
    }
}
