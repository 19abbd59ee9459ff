using System.Text;
using System.Text.RegularExpressions;
using Hdnr.Formats.SequenceFiles;

namespace Hdnr.Cli.Tests;

/// <summary><c>hdnr SCRIPT launch-local INPUT... OUTPUT</c> as a user runs it: exit codes, messages, and the output directory.</summary>
public sealed class LaunchLocalTests
{
    private static string NewOutput() => Path.Combine(Directory.CreateTempSubdirectory("hdnr-launch-").FullName, "out");

    private static string Part(string output, int index = 0) => File.ReadAllText(Path.Combine(output, $"part-{index:D5}"));

    [Fact]
    public void The_main_job_gives_what_map_sort_reduce_gives()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var map = Hdnr.Run(["wc.csx", "map"], File.ReadAllBytes(Hdnr.Example("wc.txt")));
        var sorted = map.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderBy(l => Encoding.UTF8.GetBytes(l), ByteComparer.Instance);
        var reduce = Hdnr.Run(["wc.csx", "reduce"], string.Concat(sorted.Select(l => l + "\n")));
        Assert.Equal(reduce.Stdout, Part(output));
        Assert.Equal(["_SUCCESS", "part-00000"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(run.Stdout);
        Assert.Matches(@"hdnr: Job job_local\d+_0001 completed successfully", run.Stderr);
        Assert.Contains("\t\tMap input records=3\n", run.Stderr);
    }

    [Fact]
    public void The_hadoopy_spelling_launch_local_works_too()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch_local", "wc.txt", output, "--reducers", "2"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["_SUCCESS", "part-00000", "part-00001"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_existing_output_exits_4_as_hadoop_streaming_does()
    {
        var output = NewOutput();
        Directory.CreateDirectory(output);

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output]);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal($"hdnr: Error launching job, output path already exists: Output directory file:{output} already exists (--overwrite replaces it)\n", run.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public void A_failing_task_names_the_task_and_record_and_commits_nothing()
    {
        var script = TempScript.Write("""
            /// Fails on the word fox.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in line.Split(' '))
                {
                    if (word == "fox") throw new InvalidOperationException("no foxes");
                    yield return (word, 1);
                }
            }

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
            {
                yield return (word, counts.Sum());
            }
            """, "fails.csx");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "--max-attempts", "2"]);

        Assert.Equal(8, run.ExitCode);
        Assert.Matches(@"hdnr: Task task_local\d+_0001_m_00000\d failed 2 times; last failure: .*fails.csx:6: Map failed at record 1 \(byte offset 0\): InvalidOperationException: no foxes", run.Stderr);
        Assert.EndsWith("hdnr: Job not successful: no output was committed.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a failed job leaves no OUTPUT behind");
    }

    [Fact]
    public void A_failing_task_process_shows_the_tail_of_its_stderr()
    {
        var script = TempScript.Write("""
            /// Prints, then fails.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                Console.WriteLine("debug: saw " + line);
                throw new InvalidOperationException("broken");
            }
            """, "noisy.csx");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "--isolation", "process", "--max-attempts", "1"]);

        Assert.Equal(8, run.ExitCode);
        Assert.Contains("hdnr:   | debug: saw the quick brown fox", run.Stderr);
        Assert.Contains("noisy.csx:5: Map failed at record 1", run.Stderr);
        Assert.False(Directory.Exists(output), "a failed job leaves no OUTPUT behind");
    }

    [Fact]
    public void Tasks_see_hadoops_variables_and_the_settings_given()
    {
        var script = TempScript.Write("""
            /// Emits what each task sees.
            IEnumerable<(string, string)> Map(long offset, string line)
            {
                foreach (var name in new[] { "mapreduce_task_id", "mapreduce_task_attempt_id", "mapreduce_task_ismap", "mapreduce_map_input_file", "mapreduce_map_input_start", "my_setting", "stream_map_input", "mapreduce_task_output_dir" })
                    yield return (name, Environment.GetEnvironmentVariable(name) ?? "(unset)");
            }

            IEnumerable<(string, string)> Reduce(string name, IEnumerable<string> values)
            {
                yield return (name, string.Join(",", values.Distinct().OrderBy(v => v, StringComparer.Ordinal)));
                yield return ("reduce " + name, Environment.GetEnvironmentVariable("mapreduce_task_id") + " " + Environment.GetEnvironmentVariable("mapreduce_task_ismap"));
            }
            """, "env.csx");
        var output = NewOutput();
        var input = Hdnr.Example("wc.txt");

        var run = Hdnr.Run([script.Path, "launch-local", input, output, "-D", "my.setting=42"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = Part(output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1]);
        Assert.Matches(@"^task_local\d+_0001_m_000000$", lines["mapreduce_task_id"]);
        Assert.Matches(@"^attempt_local\d+_0001_m_000000_0$", lines["mapreduce_task_attempt_id"]);
        Assert.Equal("true", lines["mapreduce_task_ismap"]);
        Assert.Equal("file:" + input, lines["mapreduce_map_input_file"]);
        Assert.Equal("42", lines["my_setting"]);
        Assert.Equal("(unset)", lines["stream_map_input"]);
        Assert.Matches(@"^file:.*/out/_temporary/0/_temporary/attempt_local\d+_0001_m_000000_0$", lines["mapreduce_task_output_dir"]);
        Assert.Matches(@"^task_local\d+_0001_r_000000 false$", lines["reduce mapreduce_task_id"]);
    }

    [Fact]
    public void Process_isolation_gives_byte_identical_output()
    {
        var inProcess = NewOutput();
        var processes = NewOutput();
        string[] inputs = [Hdnr.Example("wc.txt"), Hdnr.Example("vowels.txt"), Hdnr.Example("spellnumbers.txt")];

        var a = Hdnr.Run(["wc.csx", "launch-local", .. inputs, inProcess, "--reducers", "3"]);
        var b = Hdnr.Run(["wc.csx", "launch-local", .. inputs, processes, "--reducers", "3", "--isolation", "process"]);

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        for (var r = 0; r < 3; r++)
            Assert.Equal(File.ReadAllBytes(Path.Combine(inProcess, $"part-{r:D5}")), File.ReadAllBytes(Path.Combine(processes, $"part-{r:D5}")));
        Assert.Equal(Counters(a.Stderr), Counters(b.Stderr));
    }

    private const string PairsWithTabsAndLineEnds = """
        /// Emits pairs whose text holds tabs and line ends, which Hadoop's output reader splits again.
        IEnumerable<(string, string)> Map(long offset, string line)
        {
            yield return ("a\tb", "v");
            yield return ("k\nx", "v");
            yield return ("k", "v1\rv2");
            yield return ("c\r", "v");
            yield return ("plain", "w");
        }
        """;

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Pairs_holding_tabs_and_line_ends_are_split_as_hadoop_reads_a_tasks_output(string isolation)
    {
        var script = TempScript.Write(PairsWithTabsAndLineEnds, "split.csx");
        var input = Path.Combine(Directory.CreateTempSubdirectory("hdnr-split-").FullName, "one.txt");
        File.WriteAllText(input, "x\n");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", input, output, "--isolation", isolation]);

        Assert.True(run.ExitCode == 0, run.ToString());
        // The key ends at the first tab; a line ends at \n, \r\n or \r; a line without a tab is a key with an empty value.
        Assert.Equal("a\tb\tv\nk\t\nx\tv\nk\tv1\nv2\t\nc\t\n\tv\nplain\tw\n", File.ReadAllText(Path.Combine(output, "part-00000")));
    }

    [Fact]
    public void Reducers_get_the_same_split_pairs_in_either_isolation()
    {
        var script = TempScript.Write(PairsWithTabsAndLineEnds + """

            IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
            {
                yield return ("[" + key + "]", string.Join("|", values));
            }
            """, "splitreduce.csx");
        var input = Path.Combine(Directory.CreateTempSubdirectory("hdnr-split-").FullName, "one.txt");
        File.WriteAllText(input, "x\n");
        var inProcess = NewOutput();
        var processes = NewOutput();

        var a = Hdnr.Run([script.Path, "launch-local", input, inProcess]);
        var b = Hdnr.Run([script.Path, "launch-local", input, processes, "--isolation", "process"]);

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        // k's two values in Hadoop's order: its spill sort starts from the pairs latest first, and sorts eight by insertion.
        Assert.Equal("[]\tv\n[a]\tb\tv\n[c]\t\n[k]\tv1|\n[plain]\tw\n[v2]\t\n[x]\tv\n", File.ReadAllText(Path.Combine(inProcess, "part-00000")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(inProcess, "part-00000")), File.ReadAllBytes(Path.Combine(processes, "part-00000")));
        Assert.Equal(Counters(a.Stderr), Counters(b.Stderr));
    }

    [Fact]
    public void A_file_is_linked_into_each_tasks_working_directory()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-files-").FullName;
        File.WriteAllText(Path.Combine(dir, "stop.txt"), "the\nover\n");
        var script = TempScript.Write("""
            /// Word count without the words listed in stop.txt.
            var stop = File.ReadAllLines("stop.txt").ToHashSet();
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (!stop.Contains(word)) yield return (word, 1);
            }

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
            {
                yield return (word, counts.Sum());
            }
            """, "stopwords.csx");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "--file", Path.Combine(dir, "stop.txt")]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("the\t", Part(output));
        Assert.Contains("fox\t3\n", Part(output));
    }

    [Fact]
    public void A_missing_input_exits_5_with_hadoops_message()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "/nonexistent/x.txt", output]);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal("hdnr: Error launching job: Input path does not exist: file:/nonexistent/x.txt\n", run.Stderr);
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Script_counters_are_summed_over_all_tasks(string isolation)
    {
        var script = TempScript.Write("""
            /// Word count that counts its words and lines.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                Counter("wc", "lines", 1);
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    Counter("wc", "words", 1);
                    yield return (word, 1);
                }
            }

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
            {
                Counter("wc", "distinct", 1);
                yield return (word, counts.Sum());
            }
            """, "counted.csx");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), Hdnr.Example("wc.txt"), output,
            "-D", "mapreduce.job.reduces=2", "--isolation", isolation]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\twc\n\t\tdistinct=13\n\t\tlines=6\n\t\twords=44\n", run.Stderr);
        Assert.Equal(["_SUCCESS", "part-00000", "part-00001"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_archive_is_unpacked_and_linked_under_its_name()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-archive-").FullName;
        var archive = Path.Combine(dir, "lists.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(archive, System.IO.Compression.ZipArchiveMode.Create))
        using (var entry = new StreamWriter(zip.CreateEntry("stop/words.txt").Open()))
            entry.Write("the\nover\n");
        var script = TempScript.Write("""
            /// Word count without the words in the shipped archive.
            var stop = File.ReadAllLines("lists/stop/words.txt").ToHashSet();
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (!stop.Contains(word)) yield return (word, 1);
            }

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
            {
                yield return (word, counts.Sum());
            }
            """, "archived.csx");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "--archive", archive + "#lists"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("the\t", Part(output));
        Assert.Contains("dog\t3\n", Part(output));
    }

    [Fact]
    public void An_archive_without_a_name_links_under_its_whole_file_name_as_on_hadoop_2_8_5()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-archive-").FullName;
        var archive = Path.Combine(dir, "deps.tar.gz");
        Assert.Equal(0, Processes.Exec("sh", ["-c", "mkdir stop && printf 'the\\nover\\n' > stop/words.txt && tar czf deps.tar.gz stop"], workingDirectory: dir).ExitCode);
        var script = TempScript.Write("""
            /// Word count without the words in the shipped archive, found where Hadoop links it: deps.tar.gz/.
            var stop = File.ReadAllLines("deps.tar.gz/stop/words.txt").ToHashSet();
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (!stop.Contains(word)) yield return (word, 1);
            }
            """, "linked.csx");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "--archive", archive]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("the\t", Part(output));
        Assert.Contains("dog\t1\n", Part(output));
    }

    [Fact]
    public System.Threading.Tasks.Task A_job_killed_with_sigterm_leaves_no_output() =>
        A_killed_job_leaves_no_output_or_the_previous_one_as_it_was("SIGTERM", "inprocess", 143, overwrite: false);

    [SigintTheory]
    [InlineData("process")]
    public System.Threading.Tasks.Task A_job_stopped_with_ctrl_c_leaves_the_previous_output_as_it_was(string isolation) =>
        A_killed_job_leaves_no_output_or_the_previous_one_as_it_was("SIGINT", isolation, 130, overwrite: true);

    private static async System.Threading.Tasks.Task A_killed_job_leaves_no_output_or_the_previous_one_as_it_was(string signal, string isolation, int exitCode, bool overwrite)
    {
        var script = TempScript.Write("""
            /// Slow: a second per line.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                System.Threading.Thread.Sleep(1000);
                yield return (line, 1);
            }

            IEnumerable<(string, int)> Reduce(string line, IEnumerable<int> counts)
            {
                yield return (line, counts.Sum());
            }
            """, "slow.csx");
        var input = Path.Combine(script.Directory, "lines.txt");
        File.WriteAllLines(input, Enumerable.Range(0, 60).Select(i => $"line {i}"));
        var output = NewOutput();
        if (overwrite)
        {
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "part-00000"), "previous\t1\n");
        }
        var before = overwrite ? FileTree.Of(output) : null;
        SharedCompileCache.Prepare(script.Path);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["HDNR_CACHE_DIR"] = Hdnr.SharedCache;
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hdnr.dll"), script.Path, "launch-local", input, output, "--isolation", isolation })
            start.ArgumentList.Add(arg);
        if (overwrite) start.ArgumentList.Add("--overwrite");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        // Wait until the tasks are running (a loaded machine may take long to start hdnr), then signal as Ctrl-C or kill would.
        var temporary = Path.Combine(output, "_temporary");
        for (var i = 0; i < 1200 && !Directory.Exists(temporary); i++) await System.Threading.Tasks.Task.Delay(100);
        Assert.True(Directory.Exists(temporary), "the job did not start its tasks within 2 minutes");
        await System.Threading.Tasks.Task.Delay(1500);
        // What the process does with signals, for the message when it does not stop.
        var signals = string.Join(' ', File.ReadAllLines($"/proc/{process.Id}/status").Where(l => l.StartsWith("Sig", StringComparison.Ordinal)));
        Assert.Equal(0, Kill(process.Id, signal));
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the job did not stop within 60 s of {signal} ({signals}); its stderr:\n{await stderr}");
        }

        Assert.Equal(exitCode, process.ExitCode);
        Assert.Contains("hdnr: Job killed: no output was committed.", await stderr);
        if (overwrite) Assert.Equal(before, FileTree.Of(output));
        else Assert.False(Directory.Exists(output), "a killed job leaves no OUTPUT behind");
        // Nothing is left beside OUTPUT either: the previous output was moved back, not kept aside.
        string[] beside = overwrite ? ["out"] : [];
        Assert.Equal(beside, Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!).Select(Path.GetFileName));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int KillNative(int pid, int signal);

    private static int Kill(int pid, string signal) => KillNative(pid, signal == "SIGTERM" ? 15 : 2);

    [Fact]
    public void Each_task_has_its_own_static_fields_as_each_hadoop_task_has_its_own_process()
    {
        var script = TempScript.Write("""
            /// Numbers each task's lines with a static counter.
            IEnumerable<(long, string)> Map(long offset, string line)
            {
                yield return (Numbering.Next++, line);
            }

            static class Numbering
            {
                public static long Next;
            }
            """, "numbering.csx");
        var inputs = Directory.CreateTempSubdirectory("hdnr-statics-").FullName;
        File.WriteAllText(Path.Combine(inputs, "a.txt"), "a1\na2\n");
        File.WriteAllText(Path.Combine(inputs, "b.txt"), "b1\nb2\n");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", inputs, output, "--tasks", "1"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("static fields", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["0\ta1\n1\ta2\n", "0\tb1\n1\tb2\n"],
            Directory.GetFiles(output, "part-*").Order(StringComparer.Ordinal).Select(File.ReadAllText).Order(StringComparer.Ordinal));
    }

    [TerminalFact]
    public void On_a_terminal_progress_bars_show_and_are_cleared_before_the_summary()
    {
        var output = NewOutput();
        // util-linux's script gives the job a terminal; its command is run by a shell, so every path is quoted.
        var command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "hdnr.dll"), "wc.csx", "launch-local", "wc.txt", output }
            .Select(a => "'" + a + "'"));

        // The shell hdnr runs in inherits this process's HDNR_CACHE_DIR, which the shared cache sets.
        SharedCompileCache.Prepare(Hdnr.Example("wc.csx"));
        var run = Processes.Exec("script", ["-qec", command, "/dev/null"], workingDirectory: Path.Combine(Hdnr.RepoRoot, "examples"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var screen = run.Stdout;
        var summary = screen.IndexOf("hdnr: Job ", StringComparison.Ordinal);
        Assert.True(summary > 0, screen);
        Assert.Matches(@"\bmap\b.*\n.*\breduce\b", screen[..summary]);
        // Erased line by line and the cursor shown again, right before the summary.
        Assert.EndsWith("\u001b[2K\u001b[?25h", screen[..summary]);
        Assert.Contains("the\t4\n", File.ReadAllText(Path.Combine(output, "part-00000")), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_terminal_stderr_has_no_control_codes()
    {
        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", NewOutput()]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.StartsWith("hdnr: Job ", run.Stderr);
    }

    private sealed class TerminalFactAttribute : FactAttribute
    {
        public TerminalFactAttribute()
        {
            if (!File.Exists("/usr/bin/script") && !File.Exists("/bin/script"))
                Skip = "util-linux's script, which gives a job a terminal, is not installed.";
        }
    }

    [HadoopStreamingFact]
    public void Real_hadoop_streaming_splits_sequence_files_as_launch_local_does()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-vs-hadoop-seq-").FullName;
        try
        {
            // Hadoop's local block size is 32 MiB: 70 MB uncompressed make three splits (32, 32, 3 MiB), 40 MB BLOCK
            // compressed two (32, 6 MiB); the part files are numbered largest split first, and each holds what its
            // split's record reader read.
            var plain = WriteSequenceFile(Path.Combine(dir, "plain.seq"), SequenceFileCompression.None, 70_000_000);
            var block = WriteSequenceFile(Path.Combine(dir, "block.seq"), SequenceFileCompression.Block, 40_000_000);
            var identity = TempScript.Write(IdentityPairs, "identity.csx");

            var hadoop = HadoopStreaming(dir, "seq", ["-D", "mapreduce.job.reduces=0", "-io", "typedbytes",
                    "-inputformat", "org.apache.hadoop.streaming.AutoInputFormat", "-outputformat", "org.apache.hadoop.mapred.SequenceFileOutputFormat"],
                [plain, block], ["-mapper", Task(identity.Path, "pipe map")]);
            var local = Hdnr.Run([identity.Path, "launch-local", plain, block, Path.Combine(dir, "local-seq")]);

            Assert.True(local.ExitCode == 0, local.ToString());
            var names = Directory.GetFiles(hadoop, "part-*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(5, names.Count);
            Assert.Equal(names, Directory.GetFiles(Path.Combine(dir, "local-seq"), "part-*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
            // SequenceFiles carry random sync markers, so the parts are compared record by record.
            foreach (var name in names)
                Assert.True(Records(Path.Combine(hadoop, name!)).SequenceEqual(Records(Path.Combine(dir, "local-seq", name!))), name);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private const string IdentityPairs = """
        /// Map-only: each pair as it is.
        IEnumerable<(long, string)> Map(long key, string value)
        {
            yield return (key, value);
        }
        """;

    [Fact]
    public void A_map_only_job_over_a_sequence_file_writes_a_part_per_split_that_together_hold_every_record()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-seq-splits-").FullName;
        var input = WriteSequenceFile(Path.Combine(dir, "in.seq"), SequenceFileCompression.None, 3_500_000);
        var identity = TempScript.Write(IdentityPairs, "identity.csx");
        var output = Path.Combine(dir, "out");

        var run = Hdnr.Run([identity.Path, "launch-local", input, output, "--split-mb", "1"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        // Splits of 1 MiB at 0, 1 and 2 MiB, then the rest (under 1.1 MiB): part-00000 to part-00003 in file order.
        var parts = Directory.GetFiles(output, "part-*").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, parts.Count);
        Assert.All(parts, p => Assert.NotEmpty(Records(p)));
        Assert.Equal(Records(input), parts.SelectMany(Records));
    }

    [Fact]
    public void Each_map_task_of_a_sequence_file_sees_its_splits_start_and_length()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-seq-env-").FullName;
        var input = WriteSequenceFile(Path.Combine(dir, "in.seq"), SequenceFileCompression.None, 1_800_000);
        var script = TempScript.Write("""
            /// Emits the split its task was given and how many records it read.
            var records = 0;

            IEnumerable<(string, string)> Map(long key, string value)
            {
                records++;
                yield break;
            }

            IEnumerable<(string, string)> MapEnd()
            {
                yield return (Environment.GetEnvironmentVariable("mapreduce_map_input_start")!, $"{Environment.GetEnvironmentVariable("mapreduce_map_input_length")} {records}");
            }
            """, "split.csx");
        var output = Path.Combine(dir, "out");

        var run = Hdnr.Run([script.Path, "launch-local", input, output, "--split-mb", "1"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var length = new FileInfo(input).Length;
        var seen = Directory.GetFiles(output, "part-*").Order(StringComparer.Ordinal).Select(p => Assert.Single(Pairs(p))).ToList();
        Assert.Equal([0L, 1L << 20], seen.Select(p => long.Parse((string)p.Key!)));
        Assert.Equal([1L << 20, length - (1L << 20)], seen.Select(p => long.Parse(((string)p.Value!).Split(' ')[0])));
        Assert.Equal(Records(input).Count(), seen.Sum(p => int.Parse(((string)p.Value!).Split(' ')[1])));
    }

    // Pairs of a long and a line of random letters, in a file of about `bytes` bytes (BLOCK compression keeps about half
    // of them: 26 letters need under 5 bits of 8).
    private static string WriteSequenceFile(string path, SequenceFileCompression compression, long bytes)
    {
        var random = new Random(42);
        var letters = new char[200];
        var raw = compression == SequenceFileCompression.Block ? bytes * 2 : bytes;
        using var writer = SequenceFileWriter.Create(path, compression);
        for (long written = 0, i = 0; written < raw; i++)
        {
            var length = random.Next(10, letters.Length);
            for (var j = 0; j < length; j++) letters[j] = (char)('a' + random.Next(26));
            writer.Append(i, new string(letters, 0, length));
            // Record and key lengths, the key's and value's lengths and typed bytes headers, the long: 30 bytes.
            written += length + 30;
        }

        writer.Complete();
        return path;
    }

    private static IEnumerable<string> Records(string path)
    {
        using var reader = SequenceFileReader.Open(path);
        while (reader.TryReadTypedBytes(out var key, out var value)) yield return Convert.ToHexString(key) + Convert.ToHexString(value);
    }

    private static List<(object? Key, object? Value)> Pairs(string path)
    {
        using var reader = SequenceFileReader.Open(path);
        var pairs = new List<(object?, object?)>();
        while (reader.TryReadPair(out var key, out var value)) pairs.Add((key, value));
        return pairs;
    }

    // A streaming -mapper/-reducer string: Hadoop splits it into arguments itself, no shell.
    private static string Task(string script, string verb) =>
        $"dotnet {Path.Combine(AppContext.BaseDirectory, "hdnr.dll")} {script} {verb}";

    private static string HadoopStreaming(string dir, string name, string[] settings, string[] inputs, string[] tasks)
    {
        var output = Path.Combine(dir, "hadoop-" + name);
        var start = new System.Diagnostics.ProcessStartInfo("hadoop")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        foreach (var arg in new[] { "jar", Environment.GetEnvironmentVariable("HADOOP_STREAMING_JAR")! }.Concat(settings)
            .Concat(inputs.SelectMany(i => new[] { "-input", i })).Concat(["-output", output]).Concat(tasks))
            start.ArgumentList.Add(arg);
        start.Environment["HDNR_CACHE_DIR"] = Path.Combine(dir, "cache");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        return output;
    }

    /// <summary>Needs a real Hadoop Streaming (see ../shared/hadoop/README.md): <c>hadoop</c> on PATH and HADOOP_STREAMING_JAR.</summary>
    private sealed class HadoopStreamingFactAttribute : FactAttribute
    {
        public HadoopStreamingFactAttribute()
        {
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "hadoop")));
            if (!onPath) Skip = "No hadoop executable on PATH, so real Hadoop Streaming cannot be compared with launch-local.";
            else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HADOOP_STREAMING_JAR")))
                Skip = "HADOOP_STREAMING_JAR is not set, so real Hadoop Streaming cannot be compared with launch-local.";
        }
    }

    private static string Counters(string stderr) => Regex.Match(stderr, "Counters:.*", RegexOptions.Singleline).Value;

    private sealed class ByteComparer : IComparer<byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
