namespace Hdnr.Cli.Tests;

/// <summary>Tuples, arrays, lists and dictionaries as keys and values travel typed through map, shuffle and reduce, in the text form and as typedbytes; MapStart and ReduceStart run once per task before its first record.</summary>
public sealed class CompositeValuesTests
{
    // One script covers every container kind: a tuple key, a tuple value, a list inside a tuple, a dictionary of
    // arrays out of Reduce, and the hooks, so each launch-local run below checks them all at once.
    private const string Source = """
        var offset = 0;
        var groups = 0;
        void MapStart() { offset = 100; Counter("hooks", "MapStart"); }
        void ReduceStart() { groups = -1; Counter("hooks", "ReduceStart"); }
        IEnumerable<((string, int), (string, List<int>))> Map(long o, string line)
        {
            var p = line.Split(' ');
            yield return ((p[0], p[0].Length), (p[1], [int.Parse(p[2]) + offset]));
        }
        IEnumerable<((string, int), Dictionary<string, int[]>)> Reduce((string, int) key, IEnumerable<(string, List<int>)> values)
        {
            groups++;
            var d = new Dictionary<string, int[]>();
            foreach (var (name, numbers) in values) d[name] = d.TryGetValue(name, out var a) ? [.. a, .. numbers] : [.. numbers];
            yield return ((key.Item1, groups), d);
        }
        """;

    private const string Input = "a x 1\nbb y 2\na x 3\na z 4\n";

    [Fact]
    public void The_pipe_writes_tuples_and_lists_as_json_and_reads_them_back_typed()
    {
        var script = TempScript.Write(Source);

        var map = Hdnr.Run([script.Path, "map"], Input);
        var reduce = Hdnr.Run([script.Path, "reduce"], string.Concat(map.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(l => l + "\n")));

        Assert.Equal("[\"a\",1]\t[\"x\",[101]]\n[\"bb\",2]\t[\"y\",[102]]\n[\"a\",1]\t[\"x\",[103]]\n[\"a\",1]\t[\"z\",[104]]\n", map.Stdout);
        Assert.Equal("reporter:counter:hooks,MapStart,1\n", map.Stderr);
        Assert.Equal("[\"a\",0]\t{\"x\":[101,103],\"z\":[104]}\n[\"bb\",1]\t{\"y\":[102]}\n", reduce.Stdout);
        Assert.Equal(0, reduce.ExitCode);
    }

    [Theory]
    [InlineData("inprocess", "text")]
    [InlineData("process", "text")]
    [InlineData("inprocess", "typedbytes")]
    [InlineData("process", "typedbytes")]
    [InlineData("inprocess", null)]
    public void Launch_local_gives_the_same_groups_in_both_isolations_and_both_ios_and_typedbytes_by_default_for_tuples_of_strings(string isolation, string? io)
    {
        var script = TempScript.Write(Source);
        File.WriteAllText(Path.Combine(script.Directory, "in.txt"), Input);
        var output = Path.Combine(script.Directory, "out");
        string[] ioOption = io is null ? [] : ["--io", io];

        var run = Hdnr.Run([script.Path, "launch-local", "in.txt", output, "--isolation", isolation, .. ioOption], workingDirectory: script.Directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\t\tMapStart=1\n", run.Stderr);
        Assert.Contains("\t\tReduceStart=1\n", run.Stderr);
        var parts = io == "text"
            ? File.ReadAllText(Path.Combine(output, "part-00000"))
            : Hdnr.Run(["readtb", output]).Stdout;
        // A key's values in Hadoop's order: its spill sort starts from the pairs latest first, and sorts four by insertion.
        Assert.Equal(io == "text"
            ? "[\"a\",0]\t{\"z\":[104],\"x\":[103,101]}\n[\"bb\",1]\t{\"y\":[102]}\n"
            : "(\"a\", 0)\t{\"z\": (104,), \"x\": (103, 101)}\n(\"bb\", 1)\t{\"y\": (102,)}\n", parts);
    }

    [Fact]
    public void A_value_that_does_not_fit_the_declared_tuple_is_named_in_one_line()
    {
        var script = TempScript.Write(Source);

        var wrongLength = Hdnr.Run([script.Path, "reduce"], "[\"a\",1]\t[\"x\",[1],2]\n");
        var wrongItem = Hdnr.Run([script.Path, "reduce"], "[\"a\",1]\t[\"x\",[\"q\"]]\n");
        var notJson = Hdnr.Run([script.Path, "reduce"], "[\"a\",1]\t[\"x\",\n");

        Assert.Equal((1, "reporter:counter:hooks,ReduceStart,1\nReduce could not read record 1 (byte offset 0): value: cannot read (\"x\", (1L,), 2L) as (string, List<int>)\n"),
            (wrongLength.ExitCode, wrongLength.Stderr));
        Assert.EndsWith("Reduce could not read record 1 (byte offset 0): value: cannot read \"q\" as int\n", wrongItem.Stderr);
        Assert.EndsWith("Reduce could not read record 1 (byte offset 0): value: cannot read \"[\\\"x\\\",\" as (string, List<int>): it is not JSON\n", notJson.Stderr);
    }

    [Fact]
    public void A_failing_start_hook_is_named_before_the_first_record()
    {
        var script = TempScript.Write("""
            void MapStart() => throw new InvalidOperationException("no set-up");
            IEnumerable<(string, int)> Map(long o, string line) { yield return (line, 1); }
            """);

        var run = Hdnr.Run([script.Path, "map"], "a\n");

        Assert.Equal((1, ""), (run.ExitCode, run.Stdout));
        Assert.Equal($"{script.Path}:1: MapStart failed before the first record: InvalidOperationException: no set-up\n", run.Stderr);
    }
}
