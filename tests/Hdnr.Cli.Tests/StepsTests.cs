using System.Text;

namespace Hdnr.Cli.Tests;

/// <summary>A job of several steps (Map, Reduce, ... then Map2, Reduce2, ...) as a user runs it: through the pipe one step's task at a time, and whole with launch-local, run and test.</summary>
public sealed class StepsTests
{
    private const string MostUsed = "mostused.csx";

    [Fact]
    public void Info_lists_the_steps_and_the_pipe_runs_each_steps_tasks_with_that_steps_input_types()
    {
        var info = Hdnr.Run([MostUsed, "info"]);
        var map = Hdnr.Run([MostUsed, "map"], File.ReadAllBytes(Hdnr.Example("mostused.txt")));
        var reduce = Hdnr.Run([MostUsed, "reduce"], ScriptVerbsTests.SortLines(map.StdoutBytes));
        var map2 = Hdnr.Run([MostUsed, "map", "--step", "2"], reduce.StdoutBytes);
        var reduce2 = Hdnr.Run([MostUsed, "pipe", "reduce", "--step", "2"], ScriptVerbsTests.SortLines(map2.StdoutBytes));
        var none = Hdnr.Run([MostUsed, "combine", "--step", "2"], "");

        Assert.EndsWith("\"tasks\": [\"map\", \"reduce\", \"combine\"], \"steps\": [{\"tasks\": [\"map\", \"reduce\", \"combine\"]}, {\"tasks\": [\"map\", \"reduce\"], \"reducers\": 1}]}\n", info.Stdout);
        // Step 1 hands on (count, word) under one key; step 2's identity map reads "key TAB value" lines as those types.
        Assert.Contains("\t[11,\"the\"]\n", reduce.Stdout);
        Assert.Equal(reduce.Stdout, map2.Stdout);
        Assert.True(reduce2.ExitCode == 0, reduce2.ToString());
        Assert.Equal("the\t11\n", reduce2.Stdout);
        Assert.Equal(2, none.ExitCode);
        Assert.Equal("hdnr: mostused.csx defines no Combine2 function, so step 2 has no 'combine' task.\n", none.Stderr);
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Launch_local_runs_every_step_and_commits_only_the_last_steps_output(string isolation)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("hdnr-steps-").FullName, "out");

        var result = Hdnr.Run([MostUsed, "launch-local", "mostused.txt", output, "--isolation", isolation]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["_SUCCESS", "part-00000"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("the\t11\n"u8.ToArray(), File.ReadAllBytes(Path.Combine(output, "part-00000")));
        Assert.Matches(@"hdnr: step 1 of 2 \(Map, Reduce, Combine\): Job job_local\d+_0001 completed successfully: 1 map and 1 reduce tasks, its pairs handed to step 2\n", result.Stderr);
        Assert.Contains($"hdnr: step 2 of 2 (identity Map2, Reduce2): Job ", result.Stderr);
        Assert.EndsWith($"output in {output}\n", result.Stderr[..result.Stderr.LastIndexOf("Counters:", StringComparison.Ordinal)]);
        // Counters per step: step 1 reads 7 lines, step 2 reads step 1's 34 words.
        Assert.Equal(2, result.Stderr.Split("Counters: ").Length - 1);
        Assert.Contains("Map input records=7\n", result.Stderr);
        Assert.Contains("Map input records=34\n", result.Stderr);
    }

    [Fact]
    public void Test_and_run_run_every_step()
    {
        var test = Hdnr.Run([MostUsed, "test"]);
        var run = Hdnr.Run([MostUsed, "run", "mostused.txt"]);

        Assert.Equal("mostused.csx: 1 of 1 examples passed\n", test.Stdout);
        Assert.Equal("the\t11\n", run.Stdout);
    }

    [Fact]
    public void A_failing_step_is_named_and_output_is_not_written()
    {
        var script = TempScript.Write("""
            IEnumerable<(string, int)> Map(long offset, string line) => [(line, 1)];
            IEnumerable<(string, int)> Reduce(string line, IEnumerable<int> ones) => [(line, ones.Sum())];
            IEnumerable<(string, int)> Reduce2(string line, IEnumerable<int> counts) => throw new InvalidOperationException("no " + line);
            """);
        File.WriteAllText(Path.Combine(script.Directory, "in.txt"), "a\n");

        var result = Hdnr.Run(["job.csx", "launch-local", "in.txt", "out", "--max-attempts", "1"], workingDirectory: script.Directory);

        Assert.Equal(8, result.ExitCode);
        Assert.Matches(@"hdnr: step 2 of 2 \(Reduce2\) failed: Task task_local\d+_0001_r_000000 failed 1 times; last failure: .*no a", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(script.Directory, "out")));
    }

    [Fact]
    public void Zero_reducers_where_a_later_step_reads_a_reduces_output_are_refused_before_any_step_runs()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("hdnr-steps-").FullName, "out");

        var result = Hdnr.Run([MostUsed, "launch-local", "mostused.txt", output, "--reducers", "0"]);

        // Step 1 map-only would hand step 2 (string, int) pairs where it reads (string, (int, string)): refused, nothing written.
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("hdnr: 0 reducers (--reducers 0 or -D mapreduce.job.reduces=0): step 1 of 2 would run map-only, but step 2 takes its Reduce's output; give 1 reducer or more, or declare [Reducers(n)] on step 1.\n", result.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_step_whose_output_is_not_the_next_steps_input_is_a_compile_error_at_the_later_function()
    {
        var script = TempScript.Write("""
            IEnumerable<(string, int)> Map(long offset, string line) => [(line, 1)];
            IEnumerable<(string, int)> Reduce(string line, IEnumerable<int> ones) => [(line, ones.Sum())];
            IEnumerable<(string, int)> Reduce2(string line, IEnumerable<long> counts) => [(line, 1)];
            """);

        var result = Hdnr.Run(["job.csx", "check"], workingDirectory: script.Directory);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("job.csx(3,1): error HDNR0003: step 1's Reduce returns (string, int) pairs but step 2's Reduce2 takes (string, long); a step's output types are the next step's input types\n", result.Stderr);
    }

    [Fact]
    public void Launch_local_reads_a_typedbytes_map_input_and_writes_text_when_only_stream_map_input_says_typedbytes()
    {
        var folder = Directory.CreateTempSubdirectory("hdnr-streams-").FullName;
        var counted = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", Path.Combine(folder, "counts"), "--io", "typedbytes"]);
        var script = TempScript.Write("""
            IEnumerable<(int, string)> Map(string word, int count) => [(count, word)];
            IEnumerable<(int, string)> Reduce(int count, IEnumerable<string> words) => [(count, string.Join(",", words.Order(StringComparer.Ordinal)))];
            """);

        var mixed = Hdnr.Run([script.Path, "launch-local", Path.Combine(folder, "counts"), Path.Combine(folder, "out"), "-D", "stream.map.input=typedbytes"]);
        var refused = Hdnr.Run([script.Path, "launch-local", Path.Combine(folder, "counts"), Path.Combine(folder, "no"), "-D", "stream.map.input=typedbytes", "-D", "stream.reduce.input=typedbytes"]);

        Assert.True(counted.ExitCode == 0, counted.ToString());
        Assert.True(mixed.ExitCode == 0, mixed.ToString());
        // The typed (string, int) pairs arrive as such, and the part file is text: TextOutputFormat's int TAB string.
        Assert.Equal("1\tand,brown,day,jumps,lazy,over,quick,runs,sleeps\n3\ta,dog,fox\n4\tthe\n", File.ReadAllText(Path.Combine(folder, "out", "part-00000")));
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("hdnr: -D stream.reduce.input=typedbytes: launch-local hands a reducer the map's pairs as the map wrote them, so it needs stream.map.output (text) there; launch passes it to Hadoop.\n", refused.Stderr);
    }
}
