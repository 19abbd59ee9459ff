namespace Hdnr.Cli.Tests;

/// <summary>A job whose Combine takes and returns the map's pairs runs it inside each map task first (in-mapper combining): the same part files, far fewer pairs for the shuffle, and refusals where it cannot.</summary>
public sealed class InMapperCombiningTests
{
    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Launch_local_combines_in_the_map_task_and_writes_the_part_files_it_writes_without(string isolation)
    {
        var folder = Directory.CreateTempSubdirectory("hdnr-in-mapper-").FullName;
        try
        {
            var combined = Path.Combine(folder, "combined");
            var plain = Path.Combine(folder, "plain");

            var on = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", combined, "--isolation", isolation]);
            var off = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", plain, "--isolation", isolation, "-D", "hdnr.map.combine.mb=0"]);

            Assert.True(on.ExitCode == 0, on.ToString());
            Assert.True(off.ExitCode == 0, off.ToString());
            Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "part-00000")), File.ReadAllBytes(Path.Combine(combined, "part-00000")));
            // wc.txt holds 22 words, 13 of them distinct: the map task hands Hadoop's collector one pair per word.
            Assert.Contains("\t\tMap output records=13\n\t\tMap output bytes=", on.Stderr);
            Assert.Contains("\t\tCombine input records=13\n\t\tCombine output records=13\n", on.Stderr);
            Assert.Contains("\thdnr\n\t\tIn-mapper combine input records=22\n\t\tIn-mapper combine output records=13\n", on.Stderr);
            Assert.Contains("\t\tMap output records=22\n\t\tMap output bytes=", off.Stderr);
            Assert.DoesNotContain("In-mapper", off.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_map_task_given_the_setting_by_its_environment_combines_keeps_first_seen_key_order_and_combines_a_hot_key_as_it_goes()
    {
        // A word count whose Combine counts its own calls.
        var script = TempScript.Write("""
            IEnumerable<(string, int)> Map(long offset, string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, 1));
            IEnumerable<(string, int)> Combine(string word, IEnumerable<int> counts) { Counter("test", "combines", 1); yield return (word, counts.Sum()); }
            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts) { yield return (word, counts.Sum()); }
            """);
        // 600 "a" between a "b" and a "c": "a" is combined in place at 32 values and every 31 after (its sum put back
        // each time as its one value), 19 times in all; then b, a and c once each when the map ends.
        var input = "b " + string.Concat(Enumerable.Repeat("a ", 600)) + "c a\n";

        var map = Hdnr.Run([script.Path, "map"], input, environment: new Dictionary<string, string?> { ["hdnr_map_combine_mb"] = "1" });
        var plain = Hdnr.Run([script.Path, "map"], "b a a\n");

        Assert.True(map.ExitCode == 0, map.ToString());
        Assert.Equal("b\t1\na\t601\nc\t1\n", map.Stdout);
        Assert.Contains("reporter:counter:test,combines,22\n", map.Stderr);
        Assert.Contains("reporter:counter:hdnr,In-mapper combine input records,603\n", map.Stderr);
        Assert.Contains("reporter:counter:hdnr,In-mapper combine output records,3\n", map.Stderr);
        // By hand, without the setting, a map writes each pair as Map returns it.
        Assert.Equal("b\t1\na\t1\na\t1\n", plain.Stdout);
    }

    [Fact]
    public void A_combine_that_fails_in_the_map_task_is_named_with_the_map_tasks_record()
    {
        var script = TempScript.Write("""
            /// Counts words; its Combine fails on the word "boom".
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in line.Split(' ')) yield return (word, 1);
            }

            IEnumerable<(string, int)> Combine(string word, IEnumerable<int> counts)
            {
                if (word == "boom") throw new InvalidOperationException("no boom");
                yield return (word, counts.Sum());
            }

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
            {
                yield return (word, counts.Sum());
            }
            """);

        var map = Hdnr.Run([script.Path, "map"], "a boom\nb\n", environment: new Dictionary<string, string?> { ["hdnr_map_combine_mb"] = "1" });

        Assert.Equal(1, map.ExitCode);
        // Keys are combined in the order they came: "a" was written before "boom" failed.
        Assert.Equal("a\t1\n", map.Stdout);
        Assert.EndsWith($"{script.Path}:9: Combine failed in the map task, combining its output after record 2: InvalidOperationException: no boom\n", map.Stderr);
    }

    [Fact]
    public void Asking_for_it_where_the_job_cannot_have_it_is_refused_in_one_line_and_left_out_by_default()
    {
        var folder = Directory.CreateTempSubdirectory("hdnr-in-mapper-refused-").FullName;
        try
        {
            var keyFields = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", Path.Combine(folder, "a"),
                "-D", "stream.num.map.output.key.fields=2", "-D", "hdnr.map.combine.mb=8"]);
            var notANumber = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", Path.Combine(folder, "b"), "-D", "hdnr.map.combine.mb=lots"]);
            // The map writes "word,1" and Hadoop cuts its key at the comma: the script's key, but not known to be.
            var byDefault = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", Path.Combine(folder, "c"), "-D", "stream.map.output.field.separator=,"]);

            Assert.Equal(2, keyFields.ExitCode);
            Assert.Equal("hdnr: -D hdnr.map.combine.mb=8: its map tasks cannot run Combine over their own output: its map output is cut into key fields, so Hadoop's key is not the script's; leave the setting out\n", keyFields.Stderr);
            Assert.Equal(2, notANumber.ExitCode);
            Assert.Equal("hdnr: -D hdnr.map.combine.mb=lots: expected a number of MiB from 0 to 2047\n", notANumber.Stderr);
            Assert.False(Directory.Exists(Path.Combine(folder, "a")));
            Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
            Assert.Contains("\t\tMap output records=22\n", byDefault.Stderr);
            Assert.DoesNotContain("In-mapper", byDefault.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
