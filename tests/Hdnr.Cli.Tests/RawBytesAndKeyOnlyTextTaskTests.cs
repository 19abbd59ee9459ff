using System.Text;

namespace Hdnr.Cli.Tests;

/// <summary>With Hadoop's <c>-io rawbytes</c> and <c>-io keyonlytext</c>, task verbs read and write what Hadoop's RawBytes and KeyOnlyText input writers and output readers do.</summary>
public sealed class RawBytesAndKeyOnlyTextTaskTests
{
    private static readonly string RawBytesJob = Path.Combine(Hdnr.RepoRoot, "tests", "references", "io-rawbytes");
    private static readonly string KeyOnlyTextJob = Path.Combine(Hdnr.RepoRoot, "tests", "references", "io-keyonlytext");

    // What Hadoop's RawBytesInputWriter writes for TextInputFormat's record (LongWritable 7, Text "hi"): each Writable's
    // serialization after its 4-byte length, 8 bytes for the long, a vint length and the bytes for the text.
    private static readonly byte[] OneRawRecord = [0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 3, 2, (byte)'h', (byte)'i'];

    [Theory]
    [InlineData("map", "--io", "rawbytes")]
    [InlineData("pipe", "map", "--io=rawbytes")]
    public void A_byte_array_map_under_rawbytes_gets_and_gives_back_the_bytes_hadoop_wrote(params string[] verb)
    {
        var result = Hdnr.Run(["job.csx", .. verb], OneRawRecord, workingDirectory: RawBytesJob);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(OneRawRecord, result.StdoutBytes);
    }

    [Fact]
    public void Hadoops_stream_variables_select_rawbytes_for_a_reduce_as_they_do_under_launch()
    {
        byte[] input = [0, 0, 0, 1, (byte)'k', 0, 0, 0, 1, 1, 0, 0, 0, 1, (byte)'k', 0, 0, 0, 1, 2];

        var result = Hdnr.Run(["job.csx", "reduce"], input, workingDirectory: RawBytesJob,
            environment: new Dictionary<string, string?> { ["stream_reduce_input"] = "rawbytes", ["stream_reduce_output"] = "rawbytes" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(input, result.StdoutBytes);
    }

    [Fact]
    public void Rawbytes_input_cut_short_fails_in_one_line_naming_the_record_and_its_offset()
    {
        var result = Hdnr.Run(["job.csx", "map", "--io", "rawbytes"], OneRawRecord[..^1], workingDirectory: RawBytesJob);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("hdnr: rawbytes input: the input ends inside the value of record 1, which starts at byte offset 0\n", result.Stderr);
        Assert.Empty(result.StdoutBytes);
    }

    [Fact]
    public void Keyonlytext_gives_each_line_to_reduce_as_a_key_and_writes_each_pair_as_one_line()
    {
        var result = Hdnr.Run(["job.csx", "reduce", "--io", "keyonlytext"], "a\tb\nc\n", workingDirectory: KeyOnlyTextJob);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("x\ta\tb\nx\tc\n", Encoding.UTF8.GetString(result.StdoutBytes));
    }
}
