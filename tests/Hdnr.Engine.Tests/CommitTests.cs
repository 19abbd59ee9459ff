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
        Assert.Empty(Directory.GetFileSystemEntries(job.Output));
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
        var job = Support.Job(script, Support.Example("wc.txt")) with { Reducers = 3, MaxAttempts = 2 };

        var error = Assert.Throws<JobFailedException>(() => Support.Run(job));

        Assert.Contains("_r_", error.TaskId);
        Assert.Equal(2, error.Attempts);
        Assert.Empty(Directory.GetFileSystemEntries(job.Output));
    }

    [Fact]
    public void A_cancelled_job_commits_nothing()
    {
        var job = Support.Job(Support.Example("wc.csx"), Support.Example("wc.txt"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => LocalJobRunner.Run(job, TextWriter.Null, null, cancel.Token));

        Assert.Empty(Directory.GetFileSystemEntries(job.Output));
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
}
