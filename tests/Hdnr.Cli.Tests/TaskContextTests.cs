namespace Hdnr.Cli.Tests;

/// <summary>The script's <c>Context</c> global tells a task what Hadoop tells it (input file, kind, ids, partition, the job's settings, its folders), the same in the pipe and in launch-local's two isolations; a script that reads only it runs its tasks in-process.</summary>
public sealed class TaskContextTests
{
    // One script reports every fact of its context, so each run below checks them all at once.
    private const string Source = """
        /// Tags each line with what its task knows of itself.
        string S(object? value) => value?.ToString() ?? "-";

        string Describe() => string.Join(" ", Context.Kind, S(Path.GetFileName(Context.InputFile)), S(Context.InputFile is { } f ? Path.IsPathRooted(f) : null),
            S(Context.Settings["my.tag"]), S(Context.Attempt), S(Context.Id?.EndsWith("_00000" + Context.Partition)),
            S(Context.AttemptId == Context.Id?.Replace("task_", "attempt_") + "_" + Context.Attempt),
            Directory.Exists(Context.WorkDirectory) && Context.WorkDirectory.Contains(Context.AttemptId ?? "?"),
            S(Context.OutputDirectory?.Contains("/out/_temporary/")));

        IEnumerable<(string, string)> Map(long offset, string line)
        {
            yield return (line, Describe());
        }

        IEnumerable<(string, string)> Reduce(string line, IEnumerable<string> facts)
        {
            foreach (var fact in facts) yield return (line, fact + " | " + Describe());
        }
        """;

    [Fact]
    public void The_pipe_names_the_input_file_given_with_input_file_and_reads_settings_from_the_environment()
    {
        var script = TempScript.Write(Source);
        Directory.CreateDirectory(Path.Combine(script.Directory, "data"));

        var map = Hdnr.Run([script.Path, "map", "--input-file", "data/users.txt"], "u1 ann\n", script.Directory, new Dictionary<string, string?> { ["my_tag"] = "x" });
        var reduce = Hdnr.Run([script.Path, "reduce"], map.Stdout, script.Directory);

        // Outside a job there are no ids, partition or output folder; the file is named by its full path, as launch-local names it.
        Assert.Equal((0, "u1 ann\tmap users.txt True x - - False False -\n", ""), (map.ExitCode, map.Stdout, map.Stderr));
        Assert.Equal("u1 ann\tmap users.txt True x - - False False - | reduce - - - - - False False -\n", reduce.Stdout);
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Launch_local_gives_each_task_its_own_context_in_both_isolations(string isolation)
    {
        var script = TempScript.Write(Source);
        var data = Directory.CreateDirectory(Path.Combine(script.Directory, "data")).FullName;
        File.WriteAllText(Path.Combine(data, "users.txt"), "u1 ann\n");
        File.WriteAllText(Path.Combine(data, "orders.txt"), "o1 u1\n");

        var run = Hdnr.Run([script.Path, "launch-local", "data", "out", "--isolation", isolation, "-D", "my.tag=hello"], workingDirectory: script.Directory);

        Assert.True(run.ExitCode == 0, run.ToString());
        // Reading the context is no reason for task processes: its facts are each attempt's own on a thread too.
        Assert.DoesNotContain("tasks run as processes", run.Stderr);
        Assert.Equal(
            "o1 u1\tmap orders.txt True hello 0 True True True True | reduce - - hello 0 True True True True\n" +
            "u1 ann\tmap users.txt True hello 0 True True True True | reduce - - hello 0 True True True True\n",
            File.ReadAllText(Path.Combine(script.Directory, "out", "part-00000")));
    }
}
