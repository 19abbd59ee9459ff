namespace Hdnr.Cli.Tests;

/// <summary>launch-local reads the input formats Hadoop Streaming reads, refuses in one line the ones it does not, and lists input directories as Hadoop does (the bytes of each format are proven against Hadoop in <see cref="HadoopReferenceTests"/>).</summary>
public sealed class InputFormatTests
{
    private static string NewOutput() => Path.Combine(Directory.CreateTempSubdirectory("hdnr-inputs-").FullName, "out");

    [Theory]
    [InlineData("org.apache.hadoop.mapreduce.lib.input.NLineInputFormat")]
    [InlineData("NLineInputFormat")]
    [InlineData("com.example.MyInputFormat")]
    public void An_input_format_launch_local_does_not_read_is_refused_in_one_line_with_exit_2(string format)
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "--inputformat", format]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"hdnr: --inputformat {format}: launch-local does not read this input format; launch passes it to Hadoop.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Theory]
    [InlineData("mapreduce.job.inputformat.class")]
    [InlineData("mapreduce.inputformat.class")]
    public void The_new_apis_input_format_setting_fails_as_hadoop_fails_it(string name)
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "-D", $"{name}=org.apache.hadoop.mapreduce.lib.input.TextInputFormat"]);

        // Hadoop 2.8.5: "Error Launching job : mapreduce.job.inputformat.class is incompatible with map compatibility mode.", exit 5.
        Assert.Equal(5, run.ExitCode);
        Assert.Equal("hdnr: Error launching job: mapreduce.job.inputformat.class is incompatible with map compatibility mode.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Fact]
    public void A_directory_in_an_input_directory_is_read_only_with_dir_recursive()
    {
        var input = Directory.CreateTempSubdirectory("hdnr-inputs-in-").FullName;
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        Directory.CreateDirectory(Path.Combine(input, "_hidden"));
        File.WriteAllText(Path.Combine(input, "a.txt"), "top\n");
        File.WriteAllText(Path.Combine(input, "sub", "b.txt"), "deep\n");
        File.WriteAllText(Path.Combine(input, "_hidden", "c.txt"), "hidden\n");
        var script = TempScript.Write("/// identity\nIEnumerable<(string, string)> Map(long offset, string line) { yield return (line, \"\"); }\n").Path;

        var refused = Hdnr.Run([script, "launch-local", input, NewOutput(), "--io", "text"]);
        var output = NewOutput();
        var run = Hdnr.Run([script, "launch-local", input, output, "--io", "text", "-D", "mapreduce.input.fileinputformat.input.dir.recursive=true"]);

        Assert.Equal(5, refused.ExitCode);
        Assert.Equal($"hdnr: Error launching job: Not a file: file:{Path.Combine(input, "sub")}\n", refused.Stderr);
        Assert.True(run.ExitCode == 0, run.ToString());
        // As Hadoop 2.8.5 wrote it: the larger split (sub/b.txt) is map 0, _hidden is skipped at every level.
        Assert.Equal("deep\t\n", File.ReadAllText(Path.Combine(output, "part-00000")));
        Assert.Equal("top\t\n", File.ReadAllText(Path.Combine(output, "part-00001")));
        Assert.Equal(["_SUCCESS", "part-00000", "part-00001"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
