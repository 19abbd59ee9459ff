namespace Hdnr.Cli.Tests;

/// <summary>hdnr writes an inherited stdout as any Unix program does: a file the shell opened for several commands gets each one's output after the last.</summary>
public sealed class SharedStdoutTests
{
    private static readonly string HdnrCommand = $"dotnet '{Path.Combine(AppContext.BaseDirectory, "hdnr.dll")}'";

    // Runs the shell command in a fresh folder holding wc.csx and the input file "in", and returns the bytes of file "f".
    private static string Shell(string command)
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-stdout-").FullName;
        File.Copy(Hdnr.Example("wc.csx"), Path.Combine(dir, "wc.csx"));
        File.WriteAllText(Path.Combine(dir, "in"), "b a\na\n");
        SharedCompileCache.Prepare(Path.Combine(dir, "wc.csx"));
        var result = Processes.Exec("sh", ["-c", command.Replace("hdnr", HdnrCommand, StringComparison.Ordinal)], workingDirectory: dir);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return File.ReadAllText(Path.Combine(dir, "f"));
    }

    [Fact]
    public void Task_verbs_write_after_what_the_shell_wrote_before_and_before_what_it_writes_next_and_append_with_append()
    {
        var f = Shell("{ echo first; hdnr wc.csx pipe map < in; hdnr wc.csx map < in; echo done; } > f; hdnr wc.csx pipe map < in >> f");

        Assert.Equal("first\nb\t1\na\t1\na\t1\nb\t1\na\t1\na\t1\ndone\nb\t1\na\t1\na\t1\n", f);
    }

    [Fact]
    public void Two_runs_into_one_file_keep_both_outputs_in_order()
    {
        var f = Shell("{ hdnr wc.csx run in; hdnr wc.csx run in; echo done; } > f 2>/dev/null");

        Assert.Equal("a\t2\nb\t1\na\t2\nb\t1\ndone\n", f);
    }
}
