using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hdnr.Cli.Tests;

/// <summary>A task never takes launch-local down: scripts that exit, overflow their stack, read stdin, loop forever or are killed end as a job's failure or success, never as the engine's.</summary>
public sealed class TaskSafetyTests
{
    private static string NewOutput() => Path.Combine(Directory.CreateTempSubdirectory("hdnr-safety-").FullName, "out");

    private static string Input(TempScript script, string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(script.Directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static ProcessResult LaunchLocal(TempScript script, string input, string output, string isolation, params string[] options) =>
        Hdnr.Run([script.Path, "launch-local", input, output, "--isolation", isolation, .. options]);

    private static readonly TempScript ExitAtC = TempScript.Write("""
        /// Exits with the code in its input when it reaches the line "exit".
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            if (line.StartsWith("exit ")) Environment.Exit(int.Parse(line[5..]));
            yield return (line, 1);
        }
        """, "exit.csx");

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Exit_0_halfway_through_a_small_input_keeps_the_pairs_written_before_as_hadoop_does(string isolation)
    {
        var output = NewOutput();

        var run = LaunchLocal(ExitAtC, Input(ExitAtC, $"small-{isolation}.txt", ["a", "b", "exit 0", "d"]), output, isolation, "--reducers", "0");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("a\t1\nb\t1\n", File.ReadAllText(Path.Combine(output, "part-00000")));
        Assert.Equal(isolation == "inprocess", run.Stderr.Contains(
            "hdnr: the script can end its process (Environment.Exit or FailFast), which must not end the engine: tasks run as processes\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Exit_0_before_reading_an_input_larger_than_the_pipe_fails_the_attempt_and_commits_nothing(string isolation)
    {
        var output = NewOutput();
        var lines = Enumerable.Range(0, 40_000).Select(i => i == 10 ? "exit 0" : $"line {i}");

        var run = LaunchLocal(ExitAtC, Input(ExitAtC, $"large-{isolation}.txt", lines), output, isolation, "--reducers", "0", "--max-attempts", "2");

        Assert.Equal(8, run.ExitCode);
        Assert.Matches(@"hdnr: Task task_local\d+_0001_m_000000 failed 2 times; last failure: map process exited \(code 0\) before reading all its input\n", run.Stderr);
        Assert.EndsWith("hdnr: Job not successful: no output was committed.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a job that did not succeed leaves no OUTPUT");
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Exit_3_halfway_fails_every_attempt_and_commits_nothing(string isolation)
    {
        var output = NewOutput();

        var run = LaunchLocal(ExitAtC, Input(ExitAtC, $"three-{isolation}.txt", ["a", "b", "exit 3", "d"]), output, isolation, "--reducers", "0", "--max-attempts", "2");

        Assert.Equal(8, run.ExitCode);
        Assert.Matches(@"hdnr: Task task_local\d+_0001_m_000000 failed 2 times; last failure: map process exited with code 3\n", run.Stderr);
        Assert.EndsWith("hdnr: Job not successful: no output was committed.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a job that did not succeed leaves no OUTPUT");
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void A_stack_overflow_fails_the_attempt_with_the_runtimes_line_and_the_recursive_method(string isolation)
    {
        var script = TempScript.Write("""
            /// Recurses without end on the line "deep".
            int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);
            IEnumerable<(string, int)> Map(long offset, string line) => [(line, Depth(line == "deep" ? int.MaxValue : 3))];
            """, "deep.csx");
        var output = NewOutput();

        var run = LaunchLocal(script, Input(script, "deep.txt", ["a", "deep"]), output, isolation, "--max-attempts", "1");

        Assert.Equal(8, run.ExitCode);
        Assert.Matches(@"hdnr: Task task_local\d+_0001_m_000000 failed 1 times; last failure: map process ended with exit code 134: Stack overflow\.\n", run.Stderr);
        Assert.Contains("hdnr:   |    at Script.Depth(Int32)\n", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("at Hdnr.", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("hdnr: Job not successful: no output was committed.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a job that did not succeed leaves no OUTPUT");
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void A_script_reading_stdin_sees_end_of_file_not_what_the_user_types(string isolation)
    {
        var script = TempScript.Write("""
            /// Tags each line with what stdin holds.
            IEnumerable<(string, string)> Map(long offset, string line) =>
                [(line, (Console.ReadLine() ?? "eof") + "," + Console.In.ReadToEnd().Length)];
            """, "stdin.csx");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", Input(script, "in.txt", ["a", "b"]), output, "--isolation", isolation, "--reducers", "0"],
            "typed by the user\n");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("a\teof,0\nb\teof,0\n", File.ReadAllText(Path.Combine(output, "part-00000")));
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void What_a_script_prints_goes_to_stderr_and_launch_local_writes_nothing_on_stdout(string isolation)
    {
        var script = TempScript.Write("""
            /// Prints as it goes.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                Console.WriteLine("looking at " + line);
                yield return (line, 1);
            }
            """, "chatty.csx");
        var output = NewOutput();

        var run = LaunchLocal(script, Input(script, "in.txt", ["a"]), output, isolation, "--reducers", "0");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.StdoutBytes);
        Assert.Equal("a\t1\n", File.ReadAllText(Path.Combine(output, "part-00000")));
        // A task process's stderr is the engine's to read (for counters and failures); an in-process script's goes straight through.
        Assert.Equal(isolation == "inprocess", run.Stderr.Contains("looking at a\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void An_endless_loop_is_killed_after_the_task_timeout_and_the_job_fails(string isolation)
    {
        var script = TempScript.Write("""
            /// Loops forever on the line "loop".
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                while (line == "loop") { }
                yield return (line, 1);
            }
            """, "loop.csx");
        var output = NewOutput();
        var clock = Stopwatch.StartNew();

        var run = LaunchLocal(script, Input(script, "in.txt", ["a", "loop"]), output, isolation, "-D", "mapreduce.task.timeout=1000", "--max-attempts", "2");

        Assert.Equal(8, run.ExitCode);
        Assert.Matches(@"hdnr: Task task_local\d+_0001_m_000000 failed 2 times; last failure: Task attempt_local\d+_0001_m_000000_1 failed to report status for 1 seconds\. Killing!\n", run.Stderr);
        Assert.Equal(isolation == "inprocess", run.Stderr.Contains("Its thread cannot be stopped: the job's remaining attempts run as processes.\n", StringComparison.Ordinal));
        Assert.False(Directory.Exists(output), "a job that did not succeed leaves no OUTPUT");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void A_loop_only_the_first_attempt_falls_into_passes_on_the_retry(string isolation)
    {
        var script = TempScript.Write("""
            /// Loops on the first attempt only: it leaves a mark for the next.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                var mark = Path.Combine(Path.GetTempPath(), "hdnr-loop-MARK");
                if (line == "loop" && !File.Exists(mark))
                {
                    File.WriteAllText(mark, "");
                    // Stuck without spinning: an abandoned thread that spins would take one of two cores from the retries.
                    while (true) System.Threading.Thread.Sleep(50);
                }
                yield return (line, 1);
            }
            """.Replace("MARK", Guid.NewGuid().ToString("N"), StringComparison.Ordinal), "retry.csx");
        var output = NewOutput();

        // Long enough for a retried task process to start and read its first record on a busy machine.
        var run = LaunchLocal(script, Input(script, "in.txt", ["a", "loop"]), output, isolation, "-D", "mapreduce.task.timeout=3000");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("a\t1\nloop\t1\n", File.ReadAllText(Path.Combine(output, "part-00000")));
    }

    [Fact]
    public void A_timeout_that_is_not_a_number_is_named()
    {
        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", NewOutput(), "-D", "mapreduce.task.timeout=10m"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hdnr: -D mapreduce.task.timeout expects a number of milliseconds, got '10m'.\n", run.Stderr);
    }

    [SigintTheory]
    [InlineData("process")]
    [InlineData("inprocess")]
    public Task Ctrl_C_in_the_reduce_phase_ends_the_job_with_one_line_exit_130_and_leaves_nothing_behind(string isolation) =>
        SignalInReducePhase(2, isolation, 130);

    [Theory]
    [InlineData("process")]
    [InlineData("inprocess")]
    public Task SIGTERM_in_the_reduce_phase_ends_the_job_with_one_line_exit_143_and_leaves_nothing_behind(string isolation) =>
        SignalInReducePhase(15, isolation, 143);

    private static async Task SignalInReducePhase(int signal, string isolation, int exitCode)
    {
        var gate = Directory.CreateTempSubdirectory("hdnr-gate-").FullName;
        var script = TempScript.Write("""
            /// Reduces only when the test lets it: it marks that it started, then waits for the gate to open.
            IEnumerable<(string, int)> Map(long offset, string line) => [(line, 1)];

            IEnumerable<(string, int)> Reduce(string line, IEnumerable<int> counts)
            {
                File.WriteAllText(Path.Combine(@"GATE", "reducing"), "");
                while (!File.Exists(Path.Combine(@"GATE", "open"))) System.Threading.Thread.Sleep(20);
                yield return (line, counts.Sum());
            }
            """.Replace("GATE", gate, StringComparison.Ordinal), "gated.csx");
        var input = Input(script, "in.txt", ["a", "b"]);
        var output = NewOutput();
        // A TMPDIR of its own, where every task process would leave its debug pipes if it made any.
        var tmp = Directory.CreateTempSubdirectory("hdnr-tmpdir-").FullName;
        SharedCompileCache.Prepare(script.Path);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hdnr.dll"), script.Path, "launch-local", input, output, "--isolation", isolation })
            start.ArgumentList.Add(arg);
        start.Environment["TMPDIR"] = tmp;
        start.Environment["HDNR_CACHE_DIR"] = Hdnr.SharedCache;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            var reducing = Path.Combine(gate, "reducing");
            for (var i = 0; i < 3600 && !File.Exists(reducing) && !process.HasExited; i++) await Task.Delay(50);
            Assert.True(File.Exists(reducing), "the reducer did not start");

            Assert.Equal(0, Kill(process.Id, signal));
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the job did not stop");
        }
        finally
        {
            File.WriteAllText(Path.Combine(gate, "open"), "");
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        Assert.Equal(exitCode, process.ExitCode);
        Assert.Equal("hdnr: Job killed: no output was committed.\n", await stderr);
        Assert.Empty(await stdout);
        Assert.False(Directory.Exists(output), "a job that did not succeed leaves no OUTPUT");
        Assert.Empty(Directory.GetFiles(tmp, "clr-debug-pipe-*").Concat(Directory.GetFiles(tmp, "dotnet-diagnostic-*")));
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
