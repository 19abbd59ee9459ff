namespace Hdnr.Cli.Tests;

/// <summary>Classes and records declared in the script travel as keys and values exactly as the tuples of their members, through the pipe and launch-local; one that cannot travel is a compile-time diagnostic naming the type and member.</summary>
public sealed class RecordsTests
{
    // A positional record key (its primary constructor's parameters), a class value (its fields and settable
    // auto-properties in declaration order) holding a list of record structs.
    private const string Source = """
        record Visit(string User, long Time);
        record struct Spot(int X, int Y);
        class Tally { public string Who = ""; public List<Spot> Spots { get; set; } = []; public double Amount { get; init; } public int Count => Spots.Count; }
        IEnumerable<(Visit, Tally)> Map(long offset, string line)
        {
            var f = line.Split(',');
            yield return (new Visit(f[0], long.Parse(f[1])), new Tally { Who = f[0], Spots = [new Spot(f[0].Length, (int)offset)], Amount = double.Parse(f[2]) });
        }
        IEnumerable<(Visit, Tally)> Reduce(Visit visit, IEnumerable<Tally> tallies)
        {
            var all = tallies.ToList();
            yield return (visit with { Time = visit.Time * 10 }, new Tally { Who = visit.User, Spots = all.SelectMany(t => t.Spots).ToList(), Amount = all.Sum(t => t.Amount) });
        }
        """;

    private const string Input = "bob,3,1.5\nann,2,0.25\nbob,3,1.5\n";

    [Fact]
    public void The_pipe_writes_records_and_classes_as_the_json_arrays_of_their_members_and_reads_them_back_typed()
    {
        var script = TempScript.Write(Source);

        var map = Hdnr.Run([script.Path, "map"], Input);
        var reduce = Hdnr.Run([script.Path, "reduce"], string.Concat(map.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(l => l + "\n")));

        // Tally.Count has no setter: derived, it does not travel.
        Assert.Equal((0, "[\"bob\",3]\t[\"bob\",[[3,0]],1.5]\n[\"ann\",2]\t[\"ann\",[[3,10]],0.25]\n[\"bob\",3]\t[\"bob\",[[3,21]],1.5]\n"), (map.ExitCode, map.Stdout));
        Assert.Equal((0, "[\"ann\",20]\t[\"ann\",[[3,10]],0.25]\n[\"bob\",30]\t[\"bob\",[[3,0],[3,21]],3]\n"), (reduce.ExitCode, reduce.Stdout));
    }

    [Theory]
    [InlineData("inprocess", "text")]
    [InlineData("process", "text")]
    [InlineData("inprocess", "typedbytes")]
    [InlineData("process", "typedbytes")]
    public void Launch_local_gives_the_pipes_groups_in_both_isolations_and_both_ios(string isolation, string io)
    {
        var script = TempScript.Write(Source);
        File.WriteAllText(Path.Combine(script.Directory, "in.txt"), Input);
        var output = Path.Combine(script.Directory, "out");

        var run = Hdnr.Run([script.Path, "launch-local", "in.txt", output, "--isolation", isolation, "--io", io], workingDirectory: script.Directory);

        Assert.True(run.ExitCode == 0, run.ToString());
        // A key's values in Hadoop's order: its spill sort starts from the pairs latest first.
        Assert.Equal(io == "text"
                ? "[\"ann\",20]\t[\"ann\",[[3,10]],0.25]\n[\"bob\",30]\t[\"bob\",[[3,21],[3,0]],3]\n"
                : "(\"ann\", 20L)\t(\"ann\", ((3, 10),), 0.25)\n(\"bob\", 30L)\t(\"bob\", ((3, 21), (3, 0)), 3.0)\n",
            io == "text" ? File.ReadAllText(Path.Combine(output, "part-00000")) : Hdnr.Run(["readtb", output]).Stdout);
    }

    [Fact]
    public void A_record_that_cannot_travel_is_named_at_its_member_in_one_line()
    {
        var script = TempScript.Write("""
            record Visit(string User, HashSet<int> Tags);
            IEnumerable<(Visit, int)> Map(long offset, string line) { yield break; }
            """);
        var noConstructor = TempScript.Write("""
            class Plain { public Plain(int x) { } public int X { get; set; } }
            IEnumerable<(string, List<Plain>)> Map(long offset, string line) { yield break; }
            """);

        var run = Hdnr.Run([script.Path, "map"], "");
        var plain = Hdnr.Run([noConstructor.Path, "check"], "");

        Assert.Equal((7, ""), (run.ExitCode, run.Stdout));
        Assert.Equal($"{script.Path}(1,27): error HDNR0004: Map's key has type Visit: Visit.Tags has type HashSet<int>, which hdnr cannot carry; use "
            + "string, long, int, short, sbyte, byte, double, float, bool, byte[], object, T[], List<T>, Dictionary<K, V>, a tuple, TypedBytesVector, TypedBytesList, TypedBytesMap, TypedBytesRaw or a record or class declared in the script\n", run.Stderr);
        Assert.Equal((7, $"{noConstructor.Path}(1,1): error HDNR0004: Map's value has type List<Plain>: Plain has neither a primary constructor nor a public parameterless one, so hdnr cannot build it: give it one of them\n"),
            (plain.ExitCode, plain.Stderr));
    }

    [Fact]
    public void A_record_or_a_tuple_keys_a_dictionary_whose_text_names_are_the_keys_json_and_reads_back_typed()
    {
        var script = TempScript.Write("""
            record P(string A, int B);
            IEnumerable<(string, (Dictionary<P, int>, Dictionary<(string, int), int>))> Map(long offset, string line) =>
                [("k", (new() { [new P(line, 1)] = 2 }, new() { [(line, 3)] = 4 }))];
            IEnumerable<(string, string)> Reduce(string key, IEnumerable<(Dictionary<P, int>, Dictionary<(string, int), int>)> values) =>
                values.Select(v => (key, $"{v.Item1.Single().Key} {v.Item1.Single().Value} {v.Item2.Single().Key} {v.Item2.Single().Value}"));
            """);

        var map = Hdnr.Run([script.Path, "map"], "a\"b\n");
        var reduce = Hdnr.Run([script.Path, "reduce"], map.Stdout);

        Assert.Equal((0, "k\t[{\"[\\\"a\\\\\\\"b\\\",1]\":2},{\"[\\\"a\\\\\\\"b\\\",3]\":4}]\n"), (map.ExitCode, map.Stdout));
        Assert.Equal((0, "k\tP { A = a\"b, B = 1 } 2 (a\"b, 3) 4\n"), (reduce.ExitCode, reduce.Stdout));
    }
}
