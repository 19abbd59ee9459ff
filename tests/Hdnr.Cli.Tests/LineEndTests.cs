using System.Text;

namespace Hdnr.Cli.Tests;

/// <summary>Lines end where Hadoop's LineReader ends them (<c>\n</c>, <c>\r\n</c>, a lone <c>\r</c>) in a task's stdin, in a text split and in a task's output, so a file gives the same records piped into <c>hdnr x.csx map</c> as under launch-local, in both isolations.</summary>
public sealed class LineEndTests
{
    private const string Identity = """
        /// Map-only: each line as the key, with an empty value.
        IEnumerable<(string, string)> Map(long offset, string line)
        {
            yield return (line, "");
        }
        """;

    [Fact]
    public void Crlf_and_lone_cr_lines_give_the_same_records_piped_into_map_and_under_launch_local_in_both_isolations()
    {
        var script = TempScript.Write(Identity, "identity.csx");
        var input = Path.Combine(script.Directory, "mixed.txt");
        File.WriteAllBytes(input, "a b\r\nc\rd\n\n\re\tf\r\n\r\nlast\r"u8.ToArray());
        var expected = "a b\t\nc\t\nd\t\n\t\n\t\ne\tf\t\n\t\nlast\t\n";

        var piped = Hdnr.Run([script.Path, "map"], File.ReadAllBytes(input));
        var inProcess = Hdnr.Run([script.Path, "launch-local", input, Path.Combine(script.Directory, "in-process")]);
        var process = Hdnr.Run([script.Path, "launch-local", input, Path.Combine(script.Directory, "process"), "--isolation", "process"]);

        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.Equal(expected, piped.Stdout);
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        Assert.Equal(expected, File.ReadAllText(Path.Combine(script.Directory, "in-process", "part-00000")));
        Assert.True(process.ExitCode == 0, process.ToString());
        Assert.Equal(expected, File.ReadAllText(Path.Combine(script.Directory, "process", "part-00000")));
    }

    [Fact]
    public void Reduce_stdin_ends_lines_at_crlf_and_at_a_lone_cr()
    {
        var run = Hdnr.Run(["wc.csx", "reduce"], "a\t1\r\na\t2\rb\t3\r");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("a\t3\nb\t3\n", run.Stdout);
    }

    [Fact]
    public void A_task_writing_lone_cr_and_crlf_line_ends_gives_the_same_pairs_in_both_isolations()
    {
        // A script's string may hold line ends; Hadoop's output reader cuts the task's output at every one of them.
        var script = TempScript.Write("""
            /// Map-only: a key holding a CRLF and a value holding a lone CR.
            IEnumerable<(string, string)> Map(long offset, string line)
            {
                yield return (line + "\r\n" + "next", "v\rw");
            }
            """, "ends.csx");
        var input = Path.Combine(script.Directory, "in.txt");
        File.WriteAllText(input, "x\n");
        var expected = "x\t\nnext\tv\nw\t\n";

        var piped = Hdnr.Run([script.Path, "map"], "x\n");
        var inProcess = Hdnr.Run([script.Path, "launch-local", input, Path.Combine(script.Directory, "in-process")]);
        var process = Hdnr.Run([script.Path, "launch-local", input, Path.Combine(script.Directory, "process"), "--isolation", "process"]);

        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.Equal("x\r\nnext\tv\rw\n", piped.Stdout);
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        Assert.Equal(expected, File.ReadAllText(Path.Combine(script.Directory, "in-process", "part-00000")));
        Assert.True(process.ExitCode == 0, process.ToString());
        Assert.Equal(expected, File.ReadAllText(Path.Combine(script.Directory, "process", "part-00000")));
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_at_a_files_start_and_kept_where_a_later_split_starts_with_one_as_on_hadoop()
    {
        // Hadoop 2.8.5 drops a byte order mark only at file offset 0 (LineRecordReader); a map task whose split starts
        // with a line that begins with one gets it first on its stdin, so the task's stdin reader keeps it.
        var script = TempScript.Write(Identity, "identity.csx");
        var input = Path.Combine(script.Directory, "bom.txt");
        var lines = 300_000;
        File.WriteAllBytes(input, [.. "\uFEFFfirst\r\n"u8, .. Enumerable.Repeat("\uFEFFsame\r"u8.ToArray(), lines).SelectMany(l => l)]);
        var expected = new[] { "first" }.Concat(Enumerable.Repeat("\uFEFFsame", lines)).Order(StringComparer.Ordinal);

        var piped = Hdnr.Run([script.Path, "map"], "\uFEFFfirst\n");
        foreach (var isolation in new[] { "inprocess", "process" })
        {
            var output = Path.Combine(script.Directory, isolation);
            var run = Hdnr.Run([script.Path, "launch-local", input, output, "--split-mb", "1", "--isolation", isolation]);

            Assert.True(run.ExitCode == 0, run.ToString());
            var parts = Directory.GetFiles(output, "part-*");
            Assert.Equal(3, parts.Length);
            var keys = parts.SelectMany(p => Encoding.UTF8.GetString(File.ReadAllBytes(p)).Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(l => l.TrimEnd('\t'));
            Assert.Equal(expected, keys.Order(StringComparer.Ordinal));
        }
        // The pipe reads a stream, not a file: it keeps the mark as a task on Hadoop would.
        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.Equal("\uFEFFfirst\t\n", piped.Stdout);
    }
}
