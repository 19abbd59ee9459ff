namespace Hdnr.Cli.Tests;

/// <summary>Counter and Status write Hadoop's reporter protocol on stderr.</summary>
public sealed class ReporterTests
{
    [Fact]
    public void Counter_and_status_write_reporter_lines_on_stderr()
    {
        var script = TempScript.Write("""
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                Counter("words", "seen", 2);
                Status("mapping " + line);
                yield return (line, 1);
            }
            """);

        var result = Hdnr.Run([script.Path, "map"], "x\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("x\t1\n", result.Stdout);
        Assert.Contains("reporter:counter:words,seen,2\n", result.Stderr);
        Assert.Contains("reporter:status:mapping x\n", result.Stderr);
    }

    [Fact]
    public void MapEnd_emits_its_pairs_after_the_last_record()
    {
        var script = TempScript.Write("""
            var counts = new Dictionary<string, int>();
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                counts[line] = counts.GetValueOrDefault(line) + 1;
                return [];
            }
            IEnumerable<(string, int)> MapEnd() => counts.Select(kv => (kv.Key, kv.Value));
            """);

        var result = Hdnr.Run([script.Path, "map"], "a\nb\na\n");

        Assert.Equal("a\t2\nb\t1\n", result.Stdout);
    }
}
