namespace Hdnr.Cli.Tests;

/// <summary><c>readtb</c> and <c>writetb</c>: SequenceFiles in and out, as hadoopy's verbs and Hadoop's dumptb/loadtb.</summary>
public sealed class SequenceFileVerbsTests
{
    private static string Fixture(string name) => Path.Combine(Hdnr.RepoRoot, "tests", "fixtures", name);

    [Fact]
    public void Readtb_as_typedbytes_prints_what_hadoops_dumptb_printed()
    {
        var result = Hdnr.Run(["readtb", "--format", "typedbytes", Fixture("j6.out.block-deflate.seq")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Fixture("j1.reduce-stdin.tb")), result.StdoutBytes);
    }

    [Fact]
    public void Readtb_of_a_directory_reads_its_part_files_and_skips_hidden_ones()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-parts-").FullName;
        File.Copy(Fixture("all-types.seq"), Path.Combine(dir, "part-00000"));
        File.WriteAllText(Path.Combine(dir, "_SUCCESS"), "");
        File.WriteAllText(Path.Combine(dir, ".part-00000.crc"), "not a sequence file");

        var result = Hdnr.Run(["readtb", "--format", "typedbytes", dir]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Fixture("all-types.tb")), result.StdoutBytes);
    }

    [Fact]
    public void Writetb_then_readtb_gives_back_the_same_typedbytes_stream()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hdnr-writetb-").FullName, "out.seq");
        var input = File.ReadAllBytes(Fixture("all-types.tb"));

        var written = Hdnr.Run(["writetb", "--compression", "block", path], input);
        var read = Hdnr.Run(["readtb", "--format", "typedbytes", path]);

        Assert.Equal(0, written.ExitCode);
        Assert.Equal(input, read.StdoutBytes);
    }

    [Fact]
    public void Readtb_prints_one_readable_pair_per_line()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hdnr-writetb-").FullName, "out.seq");
        Hdnr.Run(["writetb", "--format", "tsv", path], "apple\t3\npear\t5\n");

        var result = Hdnr.Run(["readtb", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("\"apple\"\t", result.Stdout);
    }

    [Fact]
    public void Writetb_refuses_an_existing_path_unless_told_to_overwrite()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hdnr-writetb-").FullName, "out.seq");
        File.WriteAllText(path, "precious");

        var refused = Hdnr.Run(["writetb", path], File.ReadAllBytes(Fixture("all-types.tb")));

        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("hdnr: ", refused.Stderr);
        Assert.Contains(path, refused.Stderr);
        Assert.Equal("precious", File.ReadAllText(path));
        var replaced = Hdnr.Run(["writetb", "--overwrite", path], File.ReadAllBytes(Fixture("all-types.tb")));
        Assert.Equal(0, replaced.ExitCode);
    }

    [Fact]
    public void Writetb_into_a_folder_that_takes_no_file_names_the_path_asked_for()
    {
        // /proc takes no new file, even for root; the error names the user's path, not the temp file beside it.
        var refused = Hdnr.Run(["writetb", "--format", "tsv", "/proc/out.seq"], "a\t1\n");

        Assert.Equal((1, "hdnr: cannot write /proc/out.seq: /proc does not take a new file\n"), (refused.ExitCode, refused.Stderr));
    }

    [Fact]
    public void Readtb_of_a_text_file_gives_the_pairs_hadoop_dumptb_gives()
    {
        // j3.map-stdin.tb is what Hadoop 2.8.5's dumptb writes for text-input.txt (checked byte for byte): offsets and lines.
        var typed = Hdnr.Run(["readtb", "--format", "typedbytes", Fixture("text-input.txt")]);
        // A gzip file's lines as Hadoop's LineRecordReader ends them, its byte order mark dropped at offset 0 as dumptb drops it.
        var folder = Directory.CreateTempSubdirectory("hdnr-readtb-").FullName;
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(Path.Combine(folder, "lines.txt.gz")), System.IO.Compression.CompressionLevel.Fastest))
            gzip.Write("\uFEFFab\r\ncd\n\nlast"u8);
        var readable = Hdnr.Run(["readtb", folder]);

        Assert.Equal((0, ""), (typed.ExitCode, typed.Stderr));
        Assert.Equal(File.ReadAllBytes(Fixture("j3.map-stdin.tb")), typed.StdoutBytes);
        Assert.Equal((0, "0L\t\"ab\"\n7L\t\"cd\"\n10L\t\"\"\n11L\t\"last\"\n"), (readable.ExitCode, readable.Stdout));
    }

    [Fact]
    public void A_truncated_typedbytes_stream_leaves_no_file_behind()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hdnr-writetb-").FullName, "out.seq");
        var input = File.ReadAllBytes(Fixture("all-types.tb"));

        var result = Hdnr.Run(["writetb", path], input[..(input.Length - 3)]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("offset", result.Stderr);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}
