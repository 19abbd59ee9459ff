using System.Text;

namespace Hdnr.Hadoop.Tests;

/// <summary>
/// <c>hdnr wc.csx freeze wc.tar.gz</c>: the archive's <c>./wc</c>, unpacked elsewhere and run with no .NET on PATH and no
/// DOTNET_ROOT, answers every script verb with the same bytes and exit code as <c>hdnr wc.csx VERB</c>.
/// </summary>
public sealed class FrozenExecutableTests(FrozenWordCount frozen) : IClassFixture<FrozenWordCount>
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("the quick brown fox\njumps over the lazy dog\r\nthe end\n");

    private static ProcessResult Hdnr_(params string[] args) => Hdnr.Run([Hdnr.Example("wc.csx"), .. args]);

    [Fact]
    public void The_archive_holds_the_executable_named_after_the_script_and_the_side_file_at_its_root()
    {
        Assert.True(frozen.Freeze.ExitCode == 0, frozen.Freeze.ToString());
        Assert.Equal(["stopwords.txt", "wc"], frozen.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        var executable = frozen.Entries.Single(e => e.Name == "wc");
        Assert.True(executable.Mode.HasFlag(UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute), executable.Mode.ToString());
        Assert.InRange(new FileInfo(frozen.Archive).Length, 100_000, 5 * 1024 * 1024);
        // Native by default; another test of the run may have frozen wc.csx first, which this freeze then reuses.
        Assert.Matches(@"\(native(, reused)?\)", frozen.Freeze.Stderr);
    }

    [Fact]
    public void Run_without_a_verb_it_prints_the_doc_and_exits_2_as_hdnr_does()
    {
        var ours = frozen.Run([]);
        var hdnrs = Hdnr_();

        Assert.Equal((2, hdnrs.Stdout, ""), (ours.ExitCode, ours.Stdout, ours.Stderr));
        Assert.Equal(2, hdnrs.ExitCode);
    }

    [Fact]
    public void Info_prints_the_same_json_as_hdnr()
    {
        var ours = frozen.Run(["info"]);

        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(Hdnr_("info").Stdout, ours.Stdout);
        Assert.StartsWith("{\"doc\": \"Word count: ", ours.Stdout);
    }

    [Theory]
    [InlineData("map")]
    [InlineData("reduce")]
    [InlineData("combine")]
    public void Each_text_task_writes_the_same_bytes_as_hdnrs(string task)
    {
        var input = task == "map" ? Text : Encoding.UTF8.GetBytes("a\t1\na\t2\nb\t5\nc\t1\n");

        var ours = frozen.Run([task], input);
        var hdnrs = Hdnr.Run([Hdnr.Example("wc.csx"), task], input);

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal(hdnrs.StdoutBytes, ours.StdoutBytes);
        Assert.NotEmpty(ours.StdoutBytes);
    }

    [Theory]
    [InlineData("map")]
    [InlineData("reduce")]
    [InlineData("combine")]
    public void Each_typedbytes_task_writes_the_same_bytes_as_hdnrs(string task)
    {
        var input = task == "map" ? MapInput : ReduceInput;

        var ours = frozen.Run([task, "--io", "typedbytes"], input);
        var hdnrs = Hdnr.Run([Hdnr.Example("wc.csx"), task, "--io", "typedbytes"], input);

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal(hdnrs.StdoutBytes, ours.StdoutBytes);
        Assert.Equal(0x07, ours.StdoutBytes[0]);
    }

    [Fact]
    public void Pipe_map_with_hadoops_typedbytes_environment_writes_the_same_bytes_as_hdnr()
    {
        var hadoop = new Dictionary<string, string?> { ["stream_map_input"] = "typedbytes", ["stream_map_output"] = "typedbytes" };

        var ours = frozen.Run(["pipe", "map"], MapInput, hadoop);
        var hdnrs = Hdnr.Run([Hdnr.Example("wc.csx"), "pipe", "map"], MapInput, environment: hadoop);

        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal(hdnrs.StdoutBytes, ours.StdoutBytes);
        Assert.Equal(0x07, ours.StdoutBytes[0]);
    }

    /// <summary>What Hadoop's -io typedbytes gives a mapper over a text file: (long offset, string line) pairs.</summary>
    private static readonly byte[] MapInput = TypedBytes(w =>
    {
        long offset = 0;
        foreach (var line in new[] { "the quick brown fox", "jumps over the lazy dog", "the end" })
        {
            w.WriteLong(offset);
            w.WriteString(line);
            offset += line.Length + 1;
        }
    });

    /// <summary>Sorted (string word, int count) pairs, as a reducer or combiner gets them.</summary>
    private static readonly byte[] ReduceInput = TypedBytes(w =>
    {
        foreach (var (word, count) in new[] { ("a", 1), ("a", 2), ("b", 5), ("c", 1) })
        {
            w.WriteString(word);
            w.WriteInt(count);
        }
    });

    private static byte[] TypedBytes(Action<TypedBytesTestWriter> write)
    {
        var writer = new TypedBytesTestWriter();
        write(writer);
        return writer.ToArray();
    }

    /// <summary>The few typedbytes codes the tests need, written from the format's definition (code, then big-endian data).</summary>
    private sealed class TypedBytesTestWriter
    {
        private readonly MemoryStream _bytes = new();

        public void WriteString(string text)
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            _bytes.WriteByte(7);
            WriteBigEndian(utf8.Length, 4);
            _bytes.Write(utf8);
        }

        public void WriteInt(int value)
        {
            _bytes.WriteByte(3);
            WriteBigEndian(value, 4);
        }

        public void WriteLong(long value)
        {
            _bytes.WriteByte(4);
            WriteBigEndian(value, 8);
        }

        private void WriteBigEndian(long value, int size)
        {
            for (var i = size - 1; i >= 0; i--) _bytes.WriteByte((byte)(value >> (8 * i)));
        }

        public byte[] ToArray() => _bytes.ToArray();
    }

    [Fact]
    public void A_verb_it_does_not_know_is_a_usage_error()
    {
        var ours = frozen.Run(["mapp"]);

        Assert.Equal(2, ours.ExitCode);
        Assert.Equal("wc: Unrecognized command or argument 'mapp'\n", ours.Stderr);
    }

    [Fact]
    public void Freezing_the_same_sources_again_reuses_the_bundle_and_writes_the_same_archive()
    {
        var again = Path.Combine(frozen.Work, "again.tar.gz");

        var result = Hdnr.Run([Hdnr.Example("wc.csx"), "freeze", again, "-Z", frozen.SideFile]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(native, reused)", result.Stderr);
        Assert.Equal(File.ReadAllBytes(frozen.Archive), File.ReadAllBytes(again));
    }

    [Fact]
    public void A_plain_tar_holds_the_same_executable()
    {
        var tar = Path.Combine(frozen.Work, "wc.tar");

        var result = Hdnr.Run([Hdnr.Example("wc.csx"), "freeze", tar]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["wc"], global::Hdnr.Hadoop.Freezing.BundleArchive.List(tar).Select(e => e.Name));
    }

    [Fact]
    public void An_archive_name_freeze_cannot_write_is_refused_in_one_line()
    {
        var result = Hdnr.Run([Hdnr.Example("wc.csx"), "freeze", Path.Combine(frozen.Work, "wc.zip")]);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("hdnr: freeze writes a .tar, .tar.gz or .tgz archive; '" + Path.Combine(frozen.Work, "wc.zip") + "' is none of them\n", result.Stderr);
    }

    [Fact]
    public void A_folder_that_takes_no_new_file_is_refused_before_the_publish_naming_the_archive()
    {
        var result = Hdnr.Run([Hdnr.Example("wc.csx"), "freeze", "/proc/wc.tar.gz"]);
        var missing = Path.Combine(Path.GetTempPath(), "hdnr-no-such-folder-" + Guid.NewGuid().ToString("N"), "wc.tar.gz");
        var noFolder = Hdnr.Run([Hdnr.Example("wc.csx"), "freeze", missing]);

        Assert.Equal((1, "hdnr: cannot write /proc/wc.tar.gz: /proc does not take a new file\n"), (result.ExitCode, result.Stderr));
        Assert.Equal((1, $"hdnr: {missing}: the folder {Path.GetDirectoryName(missing)} does not exist.\n"), (noFolder.ExitCode, noFolder.Stderr));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)), "freeze made the folder");
    }
}
