namespace Hdnr.Cli.Tests;

/// <summary><c>pipe</c> moves the data streams off fds 0 and 1, so what a script prints cannot corrupt them.</summary>
public sealed class PipeHoppingTests
{
    private static readonly TempScript Noisy = TempScript.Write("""
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            Console.WriteLine("noise from Console");
            Console.Out.Flush();
            using (var child = System.Diagnostics.Process.Start("sh", new[] { "-c", "echo noise from a child" }))
                child!.WaitForExit();
            var stdin = Console.In.ReadLine();
            yield return (line, stdin is null ? 0 : 1);
        }
        """);

    [Fact]
    public void Pipe_map_keeps_the_output_clean_of_what_the_script_and_its_children_print()
    {
        var result = Hdnr.Run([Noisy.Path, "pipe", "map"], "one\ntwo\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("one\t0\ntwo\t0\n", result.Stdout);
        Assert.Contains("noise from Console", result.Stderr);
        Assert.Contains("noise from a child", result.Stderr);
    }

    [Fact]
    public void Without_pipe_what_the_script_prints_lands_in_the_output()
    {
        var result = Hdnr.Run([Noisy.Path, "map"], "one\n");

        Assert.Contains("noise from Console", result.Stdout);
    }
}
