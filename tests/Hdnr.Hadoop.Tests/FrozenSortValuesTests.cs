namespace Hdnr.Hadoop.Tests;

/// <summary>The sessions example's <c>[SortValues]</c> (a tuple value, numbers then strings) in a native executable: its map writes hdnr's sort fields, its reduce reads them back.</summary>
/// <remarks>One NativeAOT publish for the class (several minutes on a loaded machine): the other secondary-sort examples add no type it does not carry.</remarks>
public sealed class FrozenSortValuesTests(FrozenSessions frozen) : IClassFixture<FrozenSessions>
{
    [Fact]
    public void A_native_sessions_executable_gives_the_examples_expected_output_around_the_sort_verb()
    {
        Assert.True(frozen.Freeze.ExitCode == 0, frozen.Freeze.ToString());
        var executable = Path.Combine(frozen.Node, "sessions");

        var mapped = Processes.Exec(executable, ["map"], File.ReadAllBytes(Hdnr.Example("sessions.tsv")), frozen.Node, NoDotnet.Environment());
        var hdnrs = Hdnr.Run([Hdnr.Example("sessions.csx"), "map"], File.ReadAllBytes(Hdnr.Example("sessions.tsv")));
        var sorted = Hdnr.Run([Hdnr.Example("sessions.csx"), "sort"], mapped.StdoutBytes);
        var reduced = Processes.Exec(executable, ["reduce"], sorted.StdoutBytes, frozen.Node, NoDotnet.Environment());

        Assert.Equal(hdnrs.Stdout, mapped.Stdout);
        Assert.True(reduced.ExitCode == 0, reduced.ToString());
        Assert.Equal(File.ReadAllText(Hdnr.Example("expected/sessions.txt")), reduced.Stdout);
    }
}

/// <summary>examples/sessions.csx frozen natively once and unpacked in a folder of its own.</summary>
public sealed class FrozenSessions
{
    public FrozenSessions()
    {
        var work = Directory.CreateTempSubdirectory("hdnr-freeze-sessions-").FullName;
        var archive = Path.Combine(work, "sessions.tgz");
        Freeze = Hdnr.Run([Hdnr.Example("sessions.csx"), "freeze", archive], timeout: TimeSpan.FromMinutes(15));
        Node = Directory.CreateDirectory(Path.Combine(work, "node")).FullName;
        if (Freeze.ExitCode == 0)
            Processes.Exec("tar", ["xzf", archive, "-C", Node]);
    }

    internal ProcessResult Freeze { get; }

    /// <summary>The unpacked archive.</summary>
    public string Node { get; }
}
