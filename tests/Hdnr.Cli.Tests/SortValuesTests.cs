namespace Hdnr.Cli.Tests;

/// <summary>What a user meets declaring <c>[SortValues]</c>, and the <c>sort</c> verb: the order, the refusals, the one-line errors.</summary>
public sealed class SortValuesTests
{
    private const string Events = """
        IEnumerable<(string, (long, string))> Map(long offset, string line)
        {
            var f = line.Split(' ');
            yield return (f[0], (long.Parse(f[1]), f[2]));
        }

        [SortValues(Descending = true)]
        IEnumerable<(string, string)> Reduce(string user, IEnumerable<(long, string)> events) =>
            [(user, string.Join(",", events.Select(e => $"{e.Item1}:{e.Item2}")))];
        """;

    [Fact]
    public void The_sort_verb_orders_a_map_output_by_the_key_bytes_keeping_equal_keys_in_input_order()
    {
        var result = Hdnr.Run(["wc.csx", "sort"], "b\t1\na\t2\nab\t0\na\t1\r\nB\t9\nb");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("B\t9\na\t2\na\t1\nab\t0\nb\t1\nb\n", result.Stdout);
    }

    [Fact]
    public void A_sort_values_job_orders_each_keys_values_numerically_and_descending_in_the_pipe()
    {
        var script = TempScript.Write(Events);
        // -10 before 9 as text, but numbers compare as numbers; ties on the time fall to the page's bytes.
        var mapped = Hdnr.Run([script.Path, "map"], "u 9 a\nv 1 x\nu -10 b\nu 100 c\nu 9 b\n", script.Directory);
        var sorted = Hdnr.Run([script.Path, "sort"], mapped.StdoutBytes, script.Directory);

        var result = Hdnr.Run([script.Path, "reduce"], sorted.StdoutBytes, script.Directory);

        Assert.Equal("u\t9\ta\nv\t1\tx\nu\t-10\tb\nu\t100\tc\nu\t9\tb\n", mapped.Stdout);
        Assert.Equal("u\t100\tc\nu\t9\tb\nu\t9\ta\nu\t-10\tb\nv\t1\tx\n", sorted.Stdout);
        Assert.Equal("u\t100:c,9:b,9:a,-10:b\nv\t1:x\n", result.Stdout);
    }

    [Fact]
    public void Info_shows_the_declared_sort_with_the_options_hadoop_runs_it_with_beside_hadoopys_doc_and_tasks()
    {
        var script = TempScript.Write(Events);
        var steps = TempScript.Write("""
            IEnumerable<(string, int)> Map(long offset, string line) { yield return (line, 1); }
            IEnumerable<(string, int)> Reduce(string key, IEnumerable<int> counts) { yield return (key, counts.Sum()); }
            [SortValues]
            IEnumerable<(string, string)> Reduce2(string key, IEnumerable<int> counts) { yield return (key, string.Join(",", counts)); }
            """);

        var info = Hdnr.Run([script.Path, "info"], "");
        var stepsInfo = Hdnr.Run([steps.Path, "info"], "");

        Assert.Equal((0, "{\"doc\": \"\", \"tasks\": [\"map\", \"reduce\"], \"sort_values\": {\"order\": \"descending\", \"partitioner\": \"-k1,1\", \"comparator\": \"-k1,1 -k2,2nr -k3,3r\"}}\n"),
            (info.ExitCode, info.Stdout));
        Assert.Equal((0, "{\"doc\": \"\", \"tasks\": [\"map\", \"reduce\"], \"steps\": [{\"tasks\": [\"map\", \"reduce\"]}, "
                + "{\"tasks\": [\"map\", \"reduce\"], \"sort_values\": {\"order\": \"ascending\", \"partitioner\": \"-k1,1\", \"comparator\": \"-k1,1 -k2,2n\"}}]}\n"),
            (stepsInfo.ExitCode, stepsInfo.Stdout));
    }

    [Fact]
    public void A_sort_values_job_refuses_settings_it_makes_itself_and_typedbytes_io_in_one_line()
    {
        var script = TempScript.Write(Events);
        File.WriteAllText(Path.Combine(script.Directory, "in.txt"), "u 1 a\n");

        var setting = Hdnr.Run([script.Path, "launch-local", "in.txt", "out", "-D", "mapreduce.partition.keycomparator.options=-k2,2"], "", script.Directory);
        var io = Hdnr.Run([script.Path, "launch-local", "in.txt", "out", "--io", "typedbytes"], "", script.Directory);

        Assert.Equal(2, setting.ExitCode);
        Assert.Equal("hdnr: -D mapreduce.partition.keycomparator.options: the script's Reduce is [SortValues], which sets the job's key fields, partitioner and comparator itself; remove this option\n", setting.Stderr);
        Assert.Equal(2, io.ExitCode);
        Assert.Equal("hdnr: --io typedbytes: the script's Reduce is [SortValues], whose map output travels as text sort fields; leave --io out (text) to run it.\n", io.Stderr);
        Assert.False(Directory.Exists(Path.Combine(script.Directory, "out")));
    }

    [Fact]
    public void A_string_sort_field_holding_a_tab_fails_its_map_in_one_line_naming_the_record()
    {
        var script = TempScript.Write(Events.Replace("f[2]", "f[2].Replace('_', '\\t')"));

        var result = Hdnr.Run([script.Path, "map"], "u 1 a\nu 2 b_c\n", script.Directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("u\t1\ta\n", result.Stdout);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("record 2", result.Stderr);
        Assert.Contains("holds a tab or line end, which a [SortValues] field cannot hold", result.Stderr);
    }

    [Fact]
    public void A_double_sort_field_is_refused_when_the_script_compiles()
    {
        var script = TempScript.Write(Events.Replace("(long, string)", "(double, string)").Replace("long.Parse", "double.Parse"));

        var result = Hdnr.Run([script.Path, "check"], "", script.Directory);

        Assert.Equal(7, result.ExitCode);
        Assert.Contains("error HDNR0001: with [SortValues], Reduce's values' element type (double, string) is written as sort fields: double cannot be a sort field: Hadoop's -n reads no exponent", result.Stderr);
    }

    [Fact]
    public void Records_as_key_and_value_sort_as_the_tuples_of_their_members_and_a_null_one_fails_its_map_in_one_line()
    {
        var script = TempScript.Write("""
            record User(string Name, int Shard);
            record Event(long Time, string Page);
            IEnumerable<(User, Event)> Map(long offset, string line)
            {
                var f = line.Split(' ');
                yield return (new User(f[0], f[0].Length), f[1] == "null" ? null! : new Event(long.Parse(f[1]), f[2]));
            }

            [SortValues(Descending = true)]
            IEnumerable<(string, string)> Reduce(User user, IEnumerable<Event> events) =>
                [(user.Name, string.Join(",", events.Select(e => $"{e.Time}:{e.Page}")))];
            """);
        File.WriteAllText(Path.Combine(script.Directory, "in.txt"), "u 9 a\nv 1 x\nu -10 b\nu 100 c\nu 9 b\n");

        var info = Hdnr.Run([script.Path, "info"], "");
        var mapped = Hdnr.Run([script.Path, "map"], File.ReadAllText(Path.Combine(script.Directory, "in.txt")), script.Directory);
        var sorted = Hdnr.Run([script.Path, "sort"], mapped.StdoutBytes, script.Directory);
        var reduced = Hdnr.Run([script.Path, "reduce"], sorted.StdoutBytes, script.Directory);
        var launched = Hdnr.Run([script.Path, "launch-local", "in.txt", "out", "-D", "mapreduce.job.reduces=2"], "", script.Directory);
        var nulled = Hdnr.Run([script.Path, "map"], "u 1 a\nu null\n", script.Directory);

        Assert.Equal((0, "{\"doc\": \"\", \"tasks\": [\"map\", \"reduce\"], \"sort_values\": {\"order\": \"descending\", \"partitioner\": \"-k1,2\", \"comparator\": \"-k1,1 -k2,2n -k3,3nr -k4,4r\"}}\n"),
            (info.ExitCode, info.Stdout));
        Assert.Equal("u\t1\t9\ta\nv\t1\t1\tx\nu\t1\t-10\tb\nu\t1\t100\tc\nu\t1\t9\tb\n", mapped.Stdout);
        Assert.Equal((0, "u\t100:c,9:b,9:a,-10:b\nv\t1:x\n"), (reduced.ExitCode, reduced.Stdout));
        Assert.True(launched.ExitCode == 0, launched.ToString());
        Assert.Equal(["u\t100:c,9:b,9:a,-10:b", "v\t1:x"],
            Directory.GetFiles(Path.Combine(script.Directory, "out"), "part-*").SelectMany(File.ReadAllLines).Order(StringComparer.Ordinal));
        Assert.Equal((1, "u\t1\t1\ta\n"), (nulled.ExitCode, nulled.Stdout));
        Assert.Single(nulled.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("record 2", nulled.Stderr);
        Assert.Contains("a null Event has no [SortValues] fields", nulled.Stderr);
    }
}
