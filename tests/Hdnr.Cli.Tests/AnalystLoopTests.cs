namespace Hdnr.Cli.Tests;

/// <summary>The analyst's loop: write a script with new, check it, test its doc's examples, run it and see the output, and help that names the right word.</summary>
public sealed class AnalystLoopTests
{
    [Fact]
    public void Help_lists_every_verb_together_and_each_verb_shows_an_example()
    {
        var all = Hdnr.Run(["--help"]);
        var run = Hdnr.Run(["help", "run"]);

        Assert.Equal(0, all.ExitCode);
        Assert.Contains("\nVerbs:\n  hdnr SCRIPT.csx ", all.Stdout);
        foreach (var usage in (string[])["hdnr new NAME.csx", "hdnr SCRIPT.csx check", "hdnr SCRIPT.csx test", "hdnr SCRIPT.csx run INPUT...", "hdnr SCRIPT.csx launch-local INPUT... OUTPUT", "hdnr readtb PATH...", "hdnr writetb PATH", "hdnr help [VERB]"])
            Assert.Contains("\n  " + usage + " ", all.Stdout);
        Assert.DoesNotContain("Commands:", all.Stdout);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Run the whole job as launch-local does", run.Stdout);
        Assert.Contains("  --head <N> ", run.Stdout);
        Assert.Contains("  --reducers <R> ", run.Stdout);
        Assert.EndsWith("\nExample (in the examples folder):\n  hdnr wc.csx run wc.txt --head 2\n\n", run.Stdout);
    }

    [Fact]
    public void A_mistyped_verb_or_option_is_answered_with_the_closest_known_one()
    {
        var tool = Hdnr.Run(["readdtb", "x"]);
        var verb = Hdnr.Run(["wc.csx", "lanch-local"]);
        var option = Hdnr.Run(["wc.csx", "run", "wc.txt", "--reduser", "2"]);

        Assert.Equal((2, "hdnr: 'readdtb' is neither a verb nor a script file; did you mean 'readtb'? (hdnr help lists the verbs)\n"), (tool.ExitCode, tool.Stderr));
        Assert.Equal((2, "hdnr: Unrecognized command or argument 'lanch-local'; did you mean 'launch-local'?\n"), (verb.ExitCode, verb.Stderr));
        Assert.Equal((2, "hdnr: Unrecognized option '--reduser'; did you mean '--reducers'?\n"), (option.ExitCode, option.Stderr));
    }

    [Fact]
    public void A_value_an_option_or_argument_does_not_accept_is_a_usage_error_in_one_line_naming_it()
    {
        var io = Hdnr.Run(["wc.csx", "run", "wc.txt", "--io", "bogus"]);
        var task = Hdnr.Run(["wc.csx", "pipe", "mapper"], "");
        // launch-local's numbers: none is quietly made another (they were raised to 1, or cut to 2047).
        var output = Path.Combine(Directory.CreateTempSubdirectory("hdnr-option-values-").FullName, "out");
        var numbers = new[] { "--tasks 0", "--max-attempts 0", "--split-mb 0", "--sort-buffer-mb 3000" }
            .Select(option => Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, .. option.Split(' ')])).ToList();

        Assert.Equal((2, "", "hdnr: --io: Invalid value 'bogus'. Allowed values are: text, typedbytes, rawbytes, keyonlytext\n"), (io.ExitCode, io.Stdout, io.Stderr));
        Assert.Equal((2, "", "hdnr: task: Invalid value 'mapper'. Allowed values are: map, reduce, combine\n"), (task.ExitCode, task.Stdout, task.Stderr));
        Assert.Equal(
            [(2, "hdnr: --tasks: The field --tasks must be between 1 and 2147483647.\n"), (2, "hdnr: --max-attempts: The field --max-attempts must be between 1 and 2147483647.\n"),
             (2, "hdnr: --split-mb: The field --split-mb must be between 1 and 2147483647.\n"), (2, "hdnr: --sort-buffer-mb: The field --sort-buffer-mb must be between 1 and 2047.\n")],
            numbers.Select(r => (r.ExitCode, r.Stderr)));
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Fact]
    public void A_verb_written_before_the_script_is_understood()
    {
        var result = Hdnr.Run(["map", "wc.csx"], "a b a\n");

        Assert.Equal((0, "a\t1\nb\t1\na\t1\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void A_function_named_as_a_task_but_in_another_case_is_a_compile_error_at_its_line()
    {
        var script = TempScript.Write("""
            /// Lower-case map.
            IEnumerable<(string, int)> map(long offset, string line) => [(line, 1)];
            """);

        var result = Hdnr.Run(["job.csx", "check"], workingDirectory: script.Directory);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("job.csx(2,1): error HDNR0001: map differs from Map only in case, so hdnr would never call it; name it Map\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void New_writes_a_script_whose_example_passes_check_and_test_and_never_overwrites()
    {
        var folder = Directory.CreateTempSubdirectory("hdnr-new-").FullName;
        var created = Hdnr.Run(["new", "mine.csx"], workingDirectory: folder);
        var again = Hdnr.Run(["new", "mine.csx"], workingDirectory: folder);
        var check = Hdnr.Run(["mine.csx", "check"], workingDirectory: folder);
        var test = Hdnr.Run(["mine.csx", "test"], workingDirectory: folder);

        Assert.Equal((0, "hdnr: wrote mine.csx; try: hdnr mine.csx test, then hdnr mine.csx run INPUT...\n"), (created.ExitCode, created.Stdout));
        Assert.Equal((4, "hdnr: new: mine.csx already exists; nothing was written.\n"), (again.ExitCode, again.Stderr));
        Assert.Equal((0, "mine.csx: ok, tasks: map, reduce\n"), (check.ExitCode, check.Stdout));
        Assert.Equal((0, "mine.csx: 1 of 1 examples passed\n"), (test.ExitCode, test.Stdout));
        Assert.Contains("///     out: the\t2\n", File.ReadAllText(Path.Combine(folder, "mine.csx")));
    }

    [Fact]
    public void Test_prints_a_diff_and_fails_when_an_example_differs()
    {
        var script = TempScript.Write("""
            /// Counts words.
            ///     in: b a
            ///     in: a
            ///     out: a	2
            ///     out: b	1
            ///
            ///     in: x
            ///     out: x	2
            IEnumerable<(string, int)> Map(long offset, string line) => line.Split(' ').Select(w => (w, 1));
            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts) => [(word, counts.Sum())];
            """);

        var result = Hdnr.Run(["job.csx", "test"], workingDirectory: script.Directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("job.csx: example 2 failed\n--- expected\n+++ actual\n-x\t2\n+x\t1\njob.csx: 1 of 2 examples failed\n", result.Stdout);
    }

    [Fact]
    public void Run_prints_the_jobs_output_in_part_order_and_leaves_nothing_behind()
    {
        var tmp = Directory.CreateTempSubdirectory("hdnr-run-tmp-").FullName;
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = tmp };
        var head = Hdnr.Run(["wc.csx", "run", "wc.txt", "--head", "1"], environment: environment);
        var typed = Hdnr.Run(["wc.csx", "run", "wc.txt", "--reducers", "2", "--io", "typedbytes"], environment: environment);

        Assert.Equal((0, "brown\t1\ndog\t1\nfox\t1\njumps\t1\nlazy\t1\nover\t1\nquick\t1\nthe\t2\n"), (head.ExitCode, head.Stdout));
        Assert.Equal(0, typed.ExitCode);
        Assert.Contains("\"fox\"\t3\n", typed.Stdout);
        Assert.Empty(Directory.GetDirectories(tmp, "hdnr-run-*"));
        // The folder is gone, so the summary does not name it.
        Assert.Contains("reduce tasks, output on stdout\n", head.Stderr);
        Assert.DoesNotContain("hdnr-run-", head.Stderr + typed.Stderr);
    }

    [Fact]
    public void Writetb_fed_tab_separated_text_hints_at_format_tsv()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hdnr-writetb-").FullName, "out.seq");

        var result = Hdnr.Run(["writetb", path], "a\tb\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("hdnr: stdin: bad typed bytes at byte offset 4: the stream ends inside the value starting at byte offset 0 (type code 97, 4 bytes present, at least 5 needed). (if stdin is tab-separated text, add --format tsv)\n", result.Stderr);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void On_a_terminal_launch_local_shows_the_scripts_status_beside_its_phase_and_the_counters_as_a_table()
    {
        var script = TempScript.Write("""
            /// Says which line it counts.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                Status("counting " + line);
                // Long enough for the display, which redraws every 100 ms, to show the status.
                Thread.Sleep(400);
                yield return (line, 1);
            }
            """, "status.csx");
        SharedCompileCache.Prepare(script.Path);
        var output = Path.Combine(script.Directory, "out");
        var command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "hdnr.dll"), script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "--reducers", "0" }.Select(a => "'" + a + "'"));

        // script(1) gives hdnr a terminal on stderr, as a person's shell does.
        var run = Processes.Exec("script", ["-qec", command, "/dev/null"], null, script.Directory,
            new Dictionary<string, string?> { ["HDNR_CACHE_DIR"] = Hdnr.SharedCache, ["TERM"] = "xterm" }, TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, run.ToString());
        // The status stands beside the map bar, also once the maps have read all their input; a map-only job has no reduce bar.
        Assert.Matches(@"map \S*counting a fox a dog a day", run.Stdout);
        // A bar's label is followed by a colour code; the summary's "0 reduce tasks" is not.
        Assert.DoesNotContain("reduce \u001b", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n  group +counter +value +\r?\n", run.Stdout);
        Assert.Matches(@"\n  Map-Reduce Framework +Map input records +3 +\r?\n", run.Stdout);
        Assert.DoesNotContain("Counters: ", run.Stdout);
    }
}
