using System.Text;
using Hdnr.Formats.SequenceFiles;

namespace Hdnr.Formats.Tests.SequenceFiles;

public sealed class ReadTbWriteTbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hdnr-tb-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Readable_output_quotes_strings_and_shows_bytes_as_hex()
    {
        var lines = Dump([TestFiles.Fixture("all-types.seq")], PairFormat.Readable).Split('\n');
        Assert.Equal(42, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Equal("\"01-bytes-4\"\t0x00ff7f80", lines[1]);
        Assert.Equal("\"12-long-2p40\"\t1099511627776L", lines[12]);
        Assert.Equal("\"17-float-nan\"\tnan", lines[17]);
        Assert.Equal("\"27-string-tab-nl\"\t\"a\\tb\\nc\"", lines[27]);
        Assert.Equal("\"28-string-unicode\"\t\"h\u00e9llo \u2603 \U0001d11e\"", lines[28]);
        Assert.Equal("\"35-map-mixed\"\t{\"a\": 1, \"b\": (True,), 3: \"three\"}", lines[35]);
    }

    [Fact]
    public void Tsv_output_is_what_Hadoops_text_output_would_print()
    {
        Assert.Equal(
            "0\thello world\n12\tkey\tvalue with tab\n31\th\u00e9llo \u2603\n42\t\n43\tcrlf line\n54\tlast line no newline\n",
            Dump([TestFiles.Fixture("j3.out.seq")], PairFormat.Tsv));
    }

    [Fact]
    public void A_directory_reads_its_part_files_in_name_order_skipping_underscore_and_dot_files()
    {
        var dir = Path.Combine(_folder, "out");
        Directory.CreateDirectory(dir);
        File.Copy(TestFiles.Fixture("sortkeys.seq"), Path.Combine(dir, "part-00001"));
        File.Copy(TestFiles.Fixture("all-types.seq"), Path.Combine(dir, "part-00000"));
        File.WriteAllText(Path.Combine(dir, "_SUCCESS"), string.Empty);
        File.WriteAllText(Path.Combine(dir, ".part-00000.crc"), "not a SequenceFile");

        var expected = File.ReadAllBytes(TestFiles.Fixture("all-types.tb")).Concat(File.ReadAllBytes(TestFiles.Fixture("sortkeys.tb"))).ToArray();
        var output = new MemoryStream();
        SequenceFileDump.Write(["file://" + dir], PairFormat.TypedBytes, output);
        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public void A_missing_path_is_one_clear_error()
    {
        var path = Path.Combine(_folder, "nope.seq");
        var error = Assert.Throws<FileNotFoundException>(() => Dump([path], PairFormat.Readable));
        Assert.Equal($"{path}: no such file or directory.", error.Message);
    }

    [Theory]
    [InlineData("hdfs:///user/x/out", true)]
    [InlineData("s3a://bucket/x", true)]
    [InlineData("file:///tmp/x", false)]
    [InlineData("/tmp/x", false)]
    [InlineData("relative/x:y", false)]
    public void Paths_with_a_scheme_other_than_file_go_to_Hadoop(string path, bool remote)
    {
        Assert.Equal(remote, HadoopPaths.IsRemote(path));
    }

    [Theory]
    [InlineData("file:///tmp/a%20b", "/tmp/a b")]
    [InlineData("file:/tmp/x", "/tmp/x")]
    [InlineData("file://localhost/tmp/x", "/tmp/x")]
    [InlineData("/tmp/x", "/tmp/x")]
    public void File_uris_become_local_paths(string path, string local)
    {
        Assert.Equal(local, HadoopPaths.ToLocal(path));
    }

    [Theory]
    [InlineData(SequenceFileCompression.None)]
    [InlineData(SequenceFileCompression.Record)]
    [InlineData(SequenceFileCompression.Block)]
    public void Writetb_then_readtb_gives_back_the_typed_bytes_stream(SequenceFileCompression compression)
    {
        var input = File.ReadAllBytes(TestFiles.Fixture("all-types.tb"));
        var path = Path.Combine(_folder, "loaded.seq");
        Assert.Equal(41, SequenceFileLoad.Run(new NonSeekableStream(input, 100), "stdin", PairFormat.TypedBytes, path, compression, overwrite: false));

        var output = new MemoryStream();
        SequenceFileDump.Write([path], PairFormat.TypedBytes, output);
        Assert.Equal(input, output.ToArray());
        using var reader = SequenceFileReader.Open(path);
        Assert.Equal(compression, reader.Header.Compression);
    }

    [Fact]
    public void Tsv_input_splits_at_the_first_tab_into_two_strings()
    {
        var path = Path.Combine(_folder, "tsv.seq");
        SequenceFileLoad.Run(new MemoryStream("a\tb\tc\r\nno tab\n\t\n"u8.ToArray()), "stdin", PairFormat.Tsv, path, SequenceFileCompression.None, overwrite: false);
        Assert.Equal("\"a\"\t\"b\\tc\"\n\"no tab\"\t\"\"\n\"\"\t\"\"\n", Dump([path], PairFormat.Readable));
    }

    [Fact]
    public void An_existing_file_is_refused_unless_overwrite()
    {
        var path = Path.Combine(_folder, "exists.seq");
        File.WriteAllText(path, "keep");
        var error = Assert.Throws<IOException>(() =>
            SequenceFileLoad.Run(new MemoryStream(), "stdin", PairFormat.TypedBytes, path, SequenceFileCompression.None, overwrite: false));
        Assert.Equal($"{path} already exists (--overwrite replaces it).", error.Message);
        Assert.Equal("keep", File.ReadAllText(path));

        SequenceFileLoad.Run(new MemoryStream(File.ReadAllBytes(TestFiles.Fixture("sortkeys.tb"))), "stdin", PairFormat.TypedBytes, path, SequenceFileCompression.Block, overwrite: true);
        var output = new MemoryStream();
        SequenceFileDump.Write([path], PairFormat.TypedBytes, output);
        Assert.Equal(File.ReadAllBytes(TestFiles.Fixture("sortkeys.tb")), output.ToArray());
    }

    [Fact]
    public void Bad_input_leaves_nothing_behind_and_names_the_offset()
    {
        var path = Path.Combine(_folder, "bad.seq");
        var input = File.ReadAllBytes(TestFiles.Fixture("all-types.tb"))[..103];
        var error = Assert.Throws<InvalidDataException>(() =>
            SequenceFileLoad.Run(new MemoryStream(input), "stdin", PairFormat.TypedBytes, path, SequenceFileCompression.None, overwrite: false));
        Assert.Equal("stdin: bad typed bytes at byte offset 103: the stream ends inside the value starting at byte offset 100 (type code 7, 3 bytes present, at least 5 needed).", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));

        var keyOnly = File.ReadAllBytes(TestFiles.Fixture("all-types.tb"))[..100].Concat(new byte[] { 3, 0, 0, 0, 1 }).ToArray();
        error = Assert.Throws<InvalidDataException>(() =>
            SequenceFileLoad.Run(new MemoryStream(keyOnly), "stdin", PairFormat.TypedBytes, path, SequenceFileCompression.None, overwrite: false));
        Assert.Equal("stdin: the typed bytes stream ends after a key, at byte offset 105: pairs need a value.", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    private static string Dump(string[] paths, PairFormat format)
    {
        var output = new MemoryStream();
        SequenceFileDump.Write(paths, format, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
