using Hdnr.Formats.Output;

namespace Hdnr.Engine.Tests;

/// <summary>Output appears only when the whole job succeeded, as FileOutputCommitter commits it; failures are retried as Hadoop retries them.</summary>
public sealed class CommitTests
{
    [Fact]
    public void An_existing_output_is_refused_and_left_alone()
    {
        var job = Support.Job(Support.Example("wc.csx"), Support.Example("wc.txt"));
        Directory.CreateDirectory(job.Output);
        File.WriteAllText(Path.Combine(job.Output, "keep.txt"), "mine");

        var error = Assert.Throws<OutputExistsException>(() => Support.Run(job));

        Assert.Equal($"Output directory file:{job.Output} already exists", error.Message);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(job.Output).Select(Path.GetFileName));
    }

    [Fact]
    public void Overwrite_replaces_an_existing_output()
    {
        var job = Support.Job(Support.Example("wc.csx"), Support.Example("wc.txt")) with { Overwrite = true };
        Directory.CreateDirectory(job.Output);
        File.WriteAllText(Path.Combine(job.Output, "part-00007"), "old");

        Support.Run(job);

        Assert.Equal(["_SUCCESS", "part-00000"], Directory.GetFileSystemEntries(job.Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The previous output, kept aside until the commit, is deleted after it.
        Assert.Equal(["out"], Directory.GetFileSystemEntries(Path.GetDirectoryName(job.Output)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("_temporary")]
    [InlineData("_SUCCESS")]
    public void A_commit_that_cannot_complete_changes_nothing_and_the_previous_output_stays(string name)
    {
        // Hadoop would merge a task's _temporary into its own and delete it with it, or fail writing _SUCCESS over a
        // directory after the part files moved; hdnr finds either name in every committed task before the first rename.
        var output = Path.Combine(Support.TempDir(), "out");
        Directory.CreateDirectory(Path.Combine(output, "sub"));
        File.WriteAllText(Path.Combine(output, "part-00000"), "previous\t1\n");
        File.WriteAllText(Path.Combine(output, "sub", "side"), "previous side file");
        var parent = Path.GetDirectoryName(output)!;
        var before = FileTree.Of(parent);
        var log = new StringWriter();
        var committer = new OutputCommitter(output, log);
        committer.SetupJob(overwrite: true, Support.TempDir(), "job_local1_0001");
        for (var task = 0; task < 2; task++)
        {
            // Task 0 commits a part file and a side folder, task 1 a part file and a folder under the reserved name.
            var directory = committer.SetupTask($"attempt_local1_0001_m_00000{task}_0");
            File.WriteAllText(Path.Combine(directory, $"part-0000{task}"), "new\n");
            Directory.CreateDirectory(Path.Combine(directory, task == 0 ? "sub" : name));
            File.WriteAllText(Path.Combine(directory, task == 0 ? "sub" : name, "x"), "side");
            committer.CommitTask($"attempt_local1_0001_m_00000{task}_0", $"task_local1_0001_m_00000{task}");
        }

        var error = Assert.Throws<IOException>(committer.CommitJob);
        committer.AbortJob();

        Assert.Equal($"Task task_local1_0001_m_000001 wrote {name} in its output directory, a name the commit keeps for itself: nothing was committed to {output}", error.Message);
        Assert.Equal(before, FileTree.Of(parent));
        Assert.Empty(log.ToString());
    }

    [Fact]
    public void The_job_commit_merges_task_folders_as_hadoops_merge_paths_with_the_highest_task_id_last()
    {
        var output = Path.Combine(Support.TempDir(), "out");
        var committer = new OutputCommitter(output, TextWriter.Null);
        committer.SetupJob(overwrite: false, Support.TempDir(), "job_local1_0001");
        // Written in the reverse order, so the rule is the task id and not the order tasks ran or committed.
        foreach (var (task, files) in new[]
        {
            ("task_local1_0001_r_000000", new[] { "same", "sub/deep/r" }),
            ("task_local1_0001_m_000001", ["same", "sub/deep/m1", "file-then-folder/inner", "folder-then-file"]),
            ("task_local1_0001_m_000000", ["same", "sub/m0", "file-then-folder", "folder-then-file/inner"]),
        })
        {
            var attempt = "attempt" + task["task".Length..] + "_0";
            var directory = committer.SetupTask(attempt);
            foreach (var file in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, file))!);
                File.WriteAllText(Path.Combine(directory, file), task);
            }
            committer.CommitTask(attempt, task);
        }

        committer.CommitJob();

        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["_SUCCESS"] = "",
            ["file-then-folder"] = "/",
            ["file-then-folder/inner"] = "task_local1_0001_m_000001",
            ["folder-then-file"] = "task_local1_0001_m_000001",
            ["same"] = "task_local1_0001_r_000000",
            ["sub"] = "/",
            ["sub/deep"] = "/",
            ["sub/deep/m1"] = "task_local1_0001_m_000001",
            ["sub/deep/r"] = "task_local1_0001_r_000000",
            ["sub/m0"] = "task_local1_0001_m_000000",
        }, FileTree.Of(output));
    }

    [Fact]
    public void A_task_that_always_throws_is_tried_max_attempts_times_then_the_job_fails_with_no_output()
    {
        var script = Support.Script("""
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
        var job = Support.Job(script, Support.Example("wc.txt")) with { MaxAttempts = 3 };

        var error = Assert.Throws<JobFailedException>(() => Support.Run(job));

        Assert.Equal(3, error.Attempts);
        Assert.Matches(@"^task_local\d+_0001_m_00000\d$", error.TaskId);
        Assert.Contains("fails.csx:6: Map failed at record 1", error.Message);
        Assert.Contains("InvalidOperationException: no foxes", error.Message);
        Assert.False(Directory.Exists(job.Output), "a job that did not succeed leaves no OUTPUT behind");
    }

    [Fact]
    public void A_reduce_that_fails_leaves_no_part_files_and_no_success_marker()
    {
        var script = Support.Script("""
            /// Reduce fails on the last key.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return (word, 1);
            }

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
            {
                if (word == "the") throw new InvalidOperationException("boom");
                yield return (word, counts.Sum());
            }
            """);
        var job = Support.Job(script, Support.Example("wc.txt")) with { Reducers = 3, ReduceMaxAttempts = 2 };

        var error = Assert.Throws<JobFailedException>(() => Support.Run(job));

        Assert.Contains("_r_", error.TaskId);
        Assert.Equal(2, error.Attempts);
        Assert.False(Directory.Exists(job.Output), "a job that did not succeed leaves no OUTPUT behind");
    }

    [Fact]
    public void A_cancelled_job_commits_nothing()
    {
        var job = Support.Job(Support.Example("wc.csx"), Support.Example("wc.txt"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => LocalJobRunner.Run(job, TextWriter.Null, null, cancel.Token));

        Assert.False(Directory.Exists(job.Output), "a job that did not succeed leaves no OUTPUT behind");
    }

    [Fact]
    public void A_script_that_is_flaky_succeeds_on_a_later_attempt()
    {
        // A file outlives the attempt that wrote it, so the first attempt fails and the second works.
        var marker = Path.Combine(Support.TempDir(), "tried");
        var script = Support.Script($$"""
            /// Fails the first time a map task runs.
            var first = !File.Exists("{{marker}}");
            if (first) File.WriteAllText("{{marker}}", "");
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                if (first) throw new InvalidOperationException("flaky");
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return (word, 1);
            }

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
            {
                yield return (word, counts.Sum());
            }
            """);
        var job = Support.Job(script, Support.Example("wc.txt")) with { Parallelism = 1 };

        Support.Run(job);

        Assert.Contains("the\t4\n", Support.Parts(job.Output)["part-00000"]);
        Assert.True(File.Exists(Path.Combine(job.Output, "_SUCCESS")));
    }

    [Fact]
    public void The_recovery_after_a_kill_acts_only_on_the_output_its_own_job_made_whatever_the_outputs_name()
    {
        // A newline in OUTPUT's name once made the journal's next line a relative path, which the recovery deleted.
        var parent = Support.TempDir();
        Directory.CreateDirectory(Path.Combine(parent, "KEEP"));
        File.WriteAllText(Path.Combine(parent, "KEEP", "file"), "mine");
        var odd = Path.Combine(parent, "o\nKEEP");
        var scratch = Support.TempDir();
        new OutputJournal(odd, null, "job_local1_0001").Write(scratch);
        // Another job's unfinished OUTPUT: its own _temporary, but not this job's marker.
        var other = Path.Combine(parent, "other");
        new OutputJournal(other, null, "job_local2_0001").Write(Directory.CreateDirectory(Path.Combine(scratch, "2")).FullName);
        Directory.CreateDirectory(Path.Combine(other, "_temporary", "0"));
        File.WriteAllBytes(OutputJournal.OwnerMarker(other, "job_local3_0001"), []);
        var before = FileTree.Of(parent);
        var log = new StringWriter();

        OutputJournal.Recover(scratch, log);
        OutputJournal.Recover(Path.Combine(scratch, "2"), log);

        Assert.Equal(before, FileTree.Of(parent));
        Assert.Empty(log.ToString());
    }
}
