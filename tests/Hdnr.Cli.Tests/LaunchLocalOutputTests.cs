namespace Hdnr.Cli.Tests;

/// <summary>launch-local never loses output: <c>--overwrite</c> cannot delete an input or a directory the user is in, replaces the previous output only once the new one is committed, and a job that fails leaves everything as it was.</summary>
public sealed class LaunchLocalOutputTests
{
    private const string Failing = """
        /// Fails on the word fox.
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            foreach (var word in line.Split(' '))
            {
                if (word == "fox") throw new InvalidOperationException("no foxes");
                yield return (word, 1);
            }
        }
        """;

    // A user's folder: work/p/d/in.txt beside a home folder, with work as the working directory.
    private static string NewRoot()
    {
        var root = Directory.CreateTempSubdirectory("hdnr-output-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "work", "p", "d"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        File.Copy(Hdnr.Example("wc.txt"), Path.Combine(root, "work", "p", "d", "in.txt"));
        File.WriteAllText(Path.Combine(root, "home", "notes.txt"), "mine\n");
        return root;
    }

    private static ProcessResult LaunchLocal(string root, string[] args) =>
        Hdnr.Run([Hdnr.Example("wc.csx"), "launch-local", .. args], (byte[]?)null, Path.Combine(root, "work"),
            new Dictionary<string, string?> { ["HOME"] = Path.Combine(root, "home") });

    [Theory]
    [InlineData("p/d", "p/d", "is the input file:{root}/work/p/d")]
    [InlineData("p/d/in.txt", "p", "holds the input file:{root}/work/p/d/in.txt")]
    [InlineData("p/*/in.txt", "p/x/../d", "holds the input file:{root}/work/p/d/in.txt")]
    [InlineData("p/d/in.txt", "link", "holds the input file:{root}/work/p/d/in.txt")]
    [InlineData("p/d/in.txt", ".", "holds the input file:{root}/work/p/d/in.txt")]
    public void Overwrite_refuses_an_output_that_is_or_holds_an_input_and_changes_nothing(string input, string output, string reason)
    {
        var root = NewRoot();
        File.CreateSymbolicLink(Path.Combine(root, "work", "link"), "p");
        var before = FileTree.Of(root);

        var run = LaunchLocal(root, [input, output, "--overwrite"]);

        Assert.Equal(5, run.ExitCode);
        var shown = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output, Path.Combine(root, "work")));
        Assert.Equal($"hdnr: Error launching job: Output file:{shown} {reason.Replace("{root}", root)}, which --overwrite would delete\n", run.Stderr);
        Assert.Equal(before, FileTree.Of(root));
    }

    [Theory]
    [InlineData(".", "is the working directory file:{root}/work")]
    [InlineData("..", "holds the working directory file:{root}/work")]
    [InlineData("../home", "is the home directory file:{root}/home")]
    public void Overwrite_refuses_the_working_directory_its_parents_and_the_home_directory(string output, string reason)
    {
        var root = NewRoot();
        var before = FileTree.Of(root);

        // The input lies outside both, so only the folder itself stops the job.
        var run = LaunchLocal(root, [Hdnr.Example("wc.txt"), output, "--overwrite"]);

        Assert.Equal(5, run.ExitCode);
        var shown = Path.GetFullPath(output, Path.Combine(root, "work"));
        Assert.Equal($"hdnr: Error launching job: Output file:{shown} {reason.Replace("{root}", root)}, which --overwrite would delete\n", run.Stderr);
        Assert.Equal(before, FileTree.Of(root));
    }

    [Fact]
    public void Without_overwrite_an_output_holding_the_input_is_refused_as_existing_before_anything_is_read()
    {
        // An OUTPUT that holds an input exists, and Hadoop refuses an existing output with exit 4 before it lists the input.
        var root = NewRoot();
        var before = FileTree.Of(root);

        var run = LaunchLocal(root, ["p/d/in.txt", "p"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal(before, FileTree.Of(root));
    }

    [Fact]
    public void Overwrite_replaces_the_previous_output_once_the_job_has_committed()
    {
        var root = NewRoot();
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(Path.Combine(output, "sub"));
        File.WriteAllText(Path.Combine(output, "part-00007"), "old\n");
        File.WriteAllText(Path.Combine(output, "sub", "side"), "old\n");

        var run = LaunchLocal(root, ["p/d/in.txt", output, "--overwrite"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["_SUCCESS", "part-00000"], FileTree.Of(output).Keys);
        Assert.Contains("fox\t3\n", File.ReadAllText(Path.Combine(output, "part-00000")));
        // The previous output, kept aside until the commit, is gone with it.
        Assert.Equal(["home", "out", "work"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void A_failing_job_with_overwrite_leaves_the_previous_output_exactly_as_it_was(string isolation)
    {
        var root = NewRoot();
        var script = TempScript.Write(Failing, "fails.csx");
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(Path.Combine(output, "sub"));
        File.WriteAllText(Path.Combine(output, "part-00000"), "previous\t1\n");
        File.WriteAllText(Path.Combine(output, "_SUCCESS"), "");
        File.WriteAllText(Path.Combine(output, "sub", "side"), "previous side file\n");
        var before = FileTree.Of(root);

        var run = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "--overwrite", "--max-attempts", "1", "--isolation", isolation]);

        Assert.Equal(8, run.ExitCode);
        Assert.EndsWith("hdnr: Job not successful: no output was committed.\n", run.Stderr);
        Assert.Equal(before, FileTree.Of(root));
    }

    [Fact]
    public void A_failed_job_leaves_no_output_directory_so_the_rerun_is_not_refused()
    {
        var root = NewRoot();
        var script = TempScript.Write(Failing, "fails.csx");
        var output = Path.Combine(root, "out");

        var failed = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "--max-attempts", "1"]);
        var rerun = LaunchLocal(root, ["p/d/in.txt", output]);

        Assert.Equal(8, failed.ExitCode);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(["_SUCCESS", "part-00000"], FileTree.Of(output).Keys);
    }

    // Checked against Hadoop 2.8.5 in local mode: a streaming job of 3 map tasks and a reducer, each a shell script writing
    // under $mapreduce_task_output_dir (maps) or $mapred_work_output_dir (the reducer; Hadoop sets both names) committed
    // sub/x-0, sub/x-1 and sub/x-2 with their folder, the reducer's reduce-only.txt, a directory in place of a file an
    // earlier task wrote (clash/) and a file in place of a directory (clash2). Where the tasks wrote the same name
    // (maps.txt, clash/inner, clash2) the last task in the file system's listing won: m_000001 in one run, m_000002 in the
    // next, and m_000007 of 12 map tasks in another. hdnr merges in task-id order, so the highest task id wins every time.
    private const string SideFiles = """
        /// Writes side files in its task's output directory, as Hadoop commits them with the task.
        var id = Environment.GetEnvironmentVariable("mapreduce_task_id")!;
        var map = Environment.GetEnvironmentVariable("mapreduce_task_ismap") == "true";
        var directory = Environment.GetEnvironmentVariable(map ? "mapreduce_task_output_dir" : "mapred_work_output_dir")!["file:".Length..];
        var n = Environment.GetEnvironmentVariable("mapreduce_task_partition");
        void Side(string name)
        {
            var path = Path.Combine(directory, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, id + "\n");
        }
        if (map)
        {
            Side($"sub/x-{n}");
            Side("maps.txt");
            Side(n == "0" ? "clash" : "clash/inner");
            Side(n == "0" ? "clash2/inner" : "clash2");
        }
        else Side("reduce-only.txt");
        Side("all.txt");

        IEnumerable<(string, int)> Map(long offset, string line)
        {
            yield return (line, 1);
        }

        IEnumerable<(string, int)> Reduce(string line, IEnumerable<int> counts)
        {
            yield return (line, counts.Sum());
        }
        """;

    [Fact]
    public void Side_files_are_committed_with_their_folders_and_the_highest_task_id_wins_a_name_written_twice()
    {
        var root = NewRoot();
        var inputs = Path.Combine(root, "inputs");
        Directory.CreateDirectory(inputs);
        for (var i = 0; i < 3; i++) File.WriteAllText(Path.Combine(inputs, $"{i}.txt"), $"{i}\n");
        var script = TempScript.Write(SideFiles, "sides.csx");
        var output = Path.Combine(root, "out");

        var run = Hdnr.Run([script.Path, "launch-local", inputs, output]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var tree = FileTree.Of(output);
        var job = System.Text.RegularExpressions.Regex.Match(tree["sub/x-0"], @"^task_(local\d+_0001)_m_000000\n$").Groups[1].Value;
        string Task(string kind, int n) => $"task_{job}_{kind}_{n:D6}\n";
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["_SUCCESS"] = "",
            ["all.txt"] = Task("r", 0),
            ["clash"] = "/",
            ["clash/inner"] = Task("m", 2),
            ["clash2"] = Task("m", 2),
            ["maps.txt"] = Task("m", 2),
            ["part-00000"] = "0\t1\n1\t1\n2\t1\n",
            ["reduce-only.txt"] = Task("r", 0),
            ["sub"] = "/",
            ["sub/x-0"] = Task("m", 0),
            ["sub/x-1"] = Task("m", 1),
            ["sub/x-2"] = Task("m", 2),
        }, tree);
    }

    [Fact]
    public void A_side_file_with_a_name_the_commit_needs_fails_the_job_and_the_previous_output_stays()
    {
        var root = NewRoot();
        var script = TempScript.Write("""
            /// Writes _SUCCESS itself, which the commit writes.
            var directory = Environment.GetEnvironmentVariable("mapreduce_task_output_dir")!["file:".Length..];
            File.WriteAllText(Path.Combine(directory, "_SUCCESS"), "mine");
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                yield return (line, 1);
            }
            """, "success.csx");
        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "part-00000"), "previous\n");
        var before = FileTree.Of(root);

        var run = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "--overwrite"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"\nhdnr: Task task_local\d+_0001_m_000000 wrote _SUCCESS in its output directory, a name the commit keeps for itself: nothing was committed to {System.Text.RegularExpressions.Regex.Escape(output)}\n$", run.Stderr);
        Assert.Equal(before, FileTree.Of(root));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void What_a_job_killed_with_sigkill_did_to_its_output_is_undone_by_the_next_launch_local(bool overwrite)
    {
        // SIGKILL leaves no code of the job to run: its journal in the scratch folder tells the next job what to undo.
        var root = NewRoot();
        var tmp = Directory.CreateTempSubdirectory("hdnr-tmpdir-").FullName;
        var output = Path.Combine(root, "work", "out");
        if (overwrite) Assert.Equal(0, LaunchLocal(root, ["p/d/in.txt", "out"]).ExitCode);
        var before = FileTree.Of(Path.Combine(root, "work"));
        var started = Path.Combine(root, "started");
        var script = TempScript.Write($$"""
            /// Hangs in its map task after saying so.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                File.WriteAllText(@"{{started}}", "");
                System.Threading.Thread.Sleep(60_000);
                yield return (line, 1);
            }
            """, "hang.csx");
        SharedCompileCache.Prepare(script.Path);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.Combine(root, "work") };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hdnr.dll"), script.Path, "launch-local", "p/d/in.txt", "out" })
            start.ArgumentList.Add(arg);
        if (overwrite) start.ArgumentList.Add("--overwrite");
        start.Environment["TMPDIR"] = tmp;
        start.Environment["HDNR_CACHE_DIR"] = Hdnr.SharedCache;
        using (var killed = System.Diagnostics.Process.Start(start)!)
        {
            for (var i = 0; i < 1200 && !File.Exists(started) && !killed.HasExited; i++) Thread.Sleep(100);
            Assert.True(File.Exists(started), "the map task never started");
            killed.Kill();
            killed.WaitForExit();
        }
        File.Delete(started);
        Assert.True(Directory.Exists(Path.Combine(output, "_temporary")), "the killed job had not made its output yet");

        var next = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", Path.Combine(root, "other")], [], environment: new Dictionary<string, string?> { ["TMPDIR"] = tmp });

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.StartsWith(overwrite
            ? $"hdnr: a killed job left {output} unfinished: removed it and put the previous output back\n"
            : $"hdnr: a killed job left {output} unfinished: removed it\n", next.Stderr);
        Assert.Equal(before, FileTree.Of(Path.Combine(root, "work")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_second_job_on_the_output_a_running_job_writes_is_refused_and_the_first_commits_whole(bool overwrite)
    {
        var root = NewRoot();
        var gate = Path.Combine(root, "gate");
        var started = Path.Combine(root, "started");
        var script = TempScript.Write($$"""
            /// Waits at a gate in its map task.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                File.WriteAllText(@"{{started}}", "");
                while (!File.Exists(@"{{gate}}")) System.Threading.Thread.Sleep(20);
                yield return (line, 1);
            }
            """, "gated.csx");
        var work = Path.Combine(root, "work");
        var first = Task.Run(() => Hdnr.Run([script.Path, "launch-local", "p/d/in.txt", "out"], (byte[]?)null, work));
        for (var i = 0; i < 1200 && !File.Exists(started) && !first.IsCompleted; i++) Thread.Sleep(50);
        Assert.True(File.Exists(started), "the first job never started");

        var second = Hdnr.Run([Hdnr.Example("wc.csx"), "launch-local", "p/d/in.txt", "out", .. overwrite ? new[] { "--overwrite" } : []], (byte[]?)null, work);
        File.WriteAllText(gate, "");
        var run = await first;

        Assert.Equal(4, second.ExitCode);
        Assert.Equal(overwrite
            ? $"hdnr: Error launching job, output path already exists: Output directory file:{work}/out is being written by another job\n"
            : $"hdnr: Error launching job, output path already exists: Output directory file:{work}/out already exists (--overwrite replaces it)\n", second.Stderr);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["_SUCCESS", "part-00000"], Directory.GetFileSystemEntries(Path.Combine(work, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
