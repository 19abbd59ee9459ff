using System.Text;

namespace Hdnr.Hadoop.Tests;

/// <summary><see cref="FailingScript"/> frozen once per test run with the default (native) mode, unpacked in a folder of its own.</summary>
public sealed class FrozenFailingScript
{
    public FrozenFailingScript()
    {
        Script = FailingScript.Write();
        var work = Directory.CreateTempSubdirectory("hdnr-frozen-failing-").FullName;
        var archive = Path.Combine(work, "failing.tar.gz");
        Freeze = Hdnr.Run([Script, "freeze", archive], timeout: TimeSpan.FromMinutes(10));
        Node = Directory.CreateDirectory(Path.Combine(work, "node")).FullName;
        if (Freeze.ExitCode == 0)
            Processes.Exec("tar", ["xzf", archive, "-C", Node]);
    }

    public string Script { get; }

    internal ProcessResult Freeze { get; }

    public string Node { get; }

    /// <summary>Runs the unpacked <c>./failing</c> in its folder with no .NET anywhere in reach.</summary>
    internal ProcessResult Run(string[] args, string input, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = NoDotnet.Environment();
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>()) environment[name] = value;
        return Processes.Exec(Path.Combine(Node, "failing"), args, Encoding.UTF8.GetBytes(input), Node, environment);
    }
}

/// <summary>
/// A native executable (no PDB) reports a failure of its script as hdnr does: the same one line on stderr, with hdnr's
/// leading <c>FILE.csx:LINE: </c> naming the statement that was running, in the script or in a file it <c>#load</c>s,
/// in the innermost script function (a helper, a lambda, a local function, an iterator), after the pairs written before it.
/// </summary>
public sealed class NativeFailureTests(FrozenFailingScript frozen) : IClassFixture<FrozenFailingScript>
{
    [Fact]
    public void The_script_freezes_with_its_line_stores()
    {
        Assert.True(frozen.Freeze.ExitCode == 0, frozen.Freeze.ToString());
        Assert.Contains("(native)", frozen.Freeze.Stderr);
        Assert.DoesNotContain("name no .csx line", frozen.Freeze.Stderr);
    }

    [Theory]
    [MemberData(nameof(FailingScript.MapFailures), MemberType = typeof(FailingScript))]
    public void A_map_failure_prints_what_hdnr_prints(string line, string marker)
    {
        var input = "plain 1\n" + line + "\n";

        var ours = frozen.Run(["map"], input);
        var hdnrs = Hdnr.Run([frozen.Script, "map"], Encoding.UTF8.GetBytes(input));

        Assert.Equal(1, ours.ExitCode);
        Assert.StartsWith("plain\t12\n", ours.Stdout);
        Assert.StartsWith(FailingScript.Prefix(frozen.Script, marker) + "Map failed at record 2 (byte offset 8): ", ours.Stderr);
        Assert.Equal((hdnrs.ExitCode, hdnrs.Stdout, hdnrs.Stderr), (ours.ExitCode, ours.Stdout, ours.Stderr));
    }

    [Fact]
    public void A_reduce_failure_in_an_iterator_prints_what_hdnr_prints()
    {
        const string input = "k\t1\nk\t-1\n";

        var ours = frozen.Run(["reduce"], input);
        var hdnrs = Hdnr.Run([frozen.Script, "reduce"], Encoding.UTF8.GetBytes(input));

        Assert.StartsWith(FailingScript.Prefix(frozen.Script, "at:reduce") + "Reduce failed at record 2 (byte offset 4): ArgumentOutOfRangeException: a negative count", ours.Stderr);
        Assert.Equal((hdnrs.ExitCode, hdnrs.Stdout, hdnrs.Stderr), (ours.ExitCode, ours.Stdout, ours.Stderr));
    }

    [Fact]
    public void A_failure_in_the_top_level_statements_prints_what_hdnr_prints()
    {
        var fail = new Dictionary<string, string?> { ["HDNR_TEST_FAIL_TOP"] = "1" };

        var ours = frozen.Run(["map"], "plain 1\n", fail);
        var hdnrs = Hdnr.Run([frozen.Script, "map"], Encoding.UTF8.GetBytes("plain 1\n"), environment: fail);

        Assert.Equal(FailingScript.Prefix(frozen.Script, "at:top") + "the script's top-level statements failed: InvalidOperationException: top-level failure\n", ours.Stderr);
        Assert.Equal((hdnrs.ExitCode, hdnrs.Stdout, hdnrs.Stderr), (ours.ExitCode, ours.Stdout, ours.Stderr));
    }

    [Fact]
    public void A_failure_in_library_code_alone_names_no_line_as_hdnr_names_none()
    {
        const string input = "k\t1\nk\t-9223372036854775808\n";

        var ours = frozen.Run(["combine"], input);
        var hdnrs = Hdnr.Run([frozen.Script, "combine"], Encoding.UTF8.GetBytes(input));

        Assert.StartsWith("Combine failed at record 2 (byte offset 4): OverflowException: ", ours.Stderr);
        Assert.Equal((hdnrs.ExitCode, hdnrs.Stdout, hdnrs.Stderr), (ours.ExitCode, ours.Stdout, ours.Stderr));
    }

    [Fact]
    public void Records_that_do_not_fail_write_the_same_bytes_as_hdnrs()
    {
        const string input = "plain 1\ntree 7\nswitch 5\nafter 6\nexpr 8\nloaded 9\nlambda 1,2\ndeferred 3\nmovenext 4,5\nfinally 6\nlocal 7\niterator 8\nloop 9\n";

        var ours = frozen.Run(["map"], input);
        var hdnrs = Hdnr.Run([frozen.Script, "map"], Encoding.UTF8.GetBytes(input));

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal(hdnrs.StdoutBytes, ours.StdoutBytes);
        Assert.Equal(hdnrs.Stderr, ours.Stderr);
    }
}
