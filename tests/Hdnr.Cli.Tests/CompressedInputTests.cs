using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ICSharpCode.SharpZipLib.BZip2;

namespace Hdnr.Cli.Tests;

/// <summary>Compressed inputs of <c>launch-local</c>: read whole as Hadoop's codecs read them, and a truncated or corrupt file fails the job instead of giving part of its records.</summary>
/// <remarks>
/// What Hadoop 2.8.5 does (streaming, <c>-mapper cat</c>, local mode): a truncated .gz fails the map task with
/// <c>java.io.EOFException: Unexpected end of input stream</c> (DecompressorStream.decompress), a truncated .bz2 with
/// <c>java.io.IOException: unexpected end of stream</c> (CBZip2InputStream), a flipped byte in the deflate data with
/// <c>java.io.IOException: invalid distance too far back</c>, a wrong CRC trailer with
/// <c>java.io.IOException: gzip stream CRC failure</c>; each time "Job not successful!", exit 1, and no _SUCCESS.
/// Concatenated .gz members and concatenated .bz2 streams are read whole; an empty .gz fails the same way (EOFException), an empty .bz2 has no records.
/// </remarks>
public sealed class CompressedInputTests
{
    // 20,000 distinct lines: large enough that the compressed file spans several of the decompressor's reads.
    private static readonly byte[] Text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i} of the input\n")));

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void A_truncated_gz_fails_the_job_naming_the_file_and_where_it_ends(string isolation)
    {
        var gz = Gzip(Text);
        var input = Input("cut.txt.gz", gz[..^100]);

        var (run, output) = Launch(input, isolation);

        AssertFailedWith(run, output, $"{input}: the gzip data ends early, at byte offset {gz.Length - 100} (the file is truncated)");
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void A_gz_cut_inside_its_trailer_fails_too(string isolation)
    {
        var gz = Gzip(Text);
        var input = Input("cut.txt.gz", gz[..^3]);

        var (run, output) = Launch(input, isolation);

        AssertFailedWith(run, output, $"{input}: the gzip data ends early, at byte offset {gz.Length - 3} (the file is truncated)");
    }

    [Fact]
    public void An_empty_gz_fails_as_hadoop_fails_it_and_an_empty_bz2_has_no_records()
    {
        // Hadoop 2.8.5: an empty .gz is java.io.EOFException: Unexpected end of input stream; an empty .bz2 is 0 map input records.
        var gz = Input("empty.txt.gz", []);
        var bz2 = Input("empty.txt.bz2", []);

        var (gzRun, gzOutput) = Launch(gz, "inprocess");
        var (bz2Run, bz2Output) = Launch(bz2, "inprocess");

        AssertFailedWith(gzRun, gzOutput, $"{gz}: the gzip data ends early, at byte offset 0 (the file is truncated)");
        Assert.True(bz2Run.ExitCode == 0, bz2Run.ToString());
        Assert.Contains("\t\tMap input records=0\n", bz2Run.Stderr);
        Assert.Equal("", File.ReadAllText(Path.Combine(bz2Output, "part-00000")));
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void A_truncated_bz2_fails_the_job_naming_the_file_and_where_it_ends(string isolation)
    {
        var bz2 = BZip2(Text);
        var input = Input("cut.txt.bz2", bz2[..(bz2.Length / 2)]);

        var (run, output) = Launch(input, isolation);

        AssertFailedWith(run, output, $"{input}: the bzip2 data ends early, at byte offset {bz2.Length / 2} (the file is truncated)");
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void A_flipped_byte_in_a_gz_fails_the_job_naming_an_offset_at_or_after_it(string isolation)
    {
        var gz = Gzip(Text);
        var flipped = gz.Length / 3;
        gz[flipped] ^= 0xFF;
        var input = Input("flipped.txt.gz", gz);

        var (run, output) = Launch(input, isolation);

        var offset = AssertCorrupt(run, output, input, "gzip");
        Assert.InRange(offset, flipped + 1, gz.Length);
    }

    [Fact]
    public void A_gz_whose_crc_trailer_does_not_match_is_corrupt()
    {
        var gz = Gzip(Text);
        gz[^8] ^= 0x01;
        var input = Input("crc.txt.gz", gz);

        var (run, output) = Launch(input, "inprocess");

        Assert.Equal(gz.Length, AssertCorrupt(run, output, input, "gzip"));
    }

    [Fact]
    public void A_gz_whose_length_trailer_does_not_match_is_corrupt()
    {
        var gz = Gzip(Text);
        gz[^4] ^= 0x01;
        var input = Input("length.txt.gz", gz);

        var (run, output) = Launch(input, "inprocess");

        Assert.Equal(gz.Length, AssertCorrupt(run, output, input, "gzip"));
    }

    [Fact]
    public void A_bz2_with_a_flipped_byte_is_corrupt()
    {
        var bz2 = BZip2(Text);
        bz2[bz2.Length / 2] ^= 0xFF;
        var input = Input("flipped.txt.bz2", bz2);

        var (run, output) = Launch(input, "inprocess");

        AssertCorrupt(run, output, input, "bzip2");
    }

    [Theory]
    [InlineData("gz")]
    [InlineData("bz2")]
    public void Concatenated_gz_members_and_bz2_streams_are_read_whole_as_hadoop_reads_them(string extension)
    {
        // As `cat a.gz b.gz c.gz > all.gz` makes it; pbzip2 and `cat` make such .bz2 files.
        var thirds = new[] { Text[..100_000], Text[100_000..300_000], Text[300_000..] };
        var compressed = thirds.SelectMany(part => extension == "gz" ? Gzip(part) : BZip2(part)).ToArray();
        var input = Input($"all.txt.{extension}", compressed);
        var plain = Input("all.txt", Text);

        var (run, output) = Launch(input, "inprocess");
        var (plainRun, plainOutput) = Launch(plain, "inprocess");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(plainRun.ExitCode == 0, plainRun.ToString());
        Assert.Contains("\t\tMap input records=20000\n", run.Stderr);
        Assert.Equal(File.ReadAllBytes(Path.Combine(plainOutput, "part-00000")), File.ReadAllBytes(Path.Combine(output, "part-00000")));
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void A_truncated_sequence_file_fails_the_job_at_once_naming_the_file_and_offset(string isolation)
    {
        var whole = Path.Combine(Directory.CreateTempSubdirectory("hdnr-compressed-in-").FullName, "whole.seq");
        using (var writer = global::Hdnr.Formats.SequenceFiles.SequenceFileWriter.Create(whole, global::Hdnr.Formats.SequenceFiles.SequenceFileCompression.None))
        {
            for (var i = 0; i < 5_000; i++) writer.Append((long)i, $"line {i} of the input");
            writer.Complete();
        }
        var bytes = File.ReadAllBytes(whole);
        var input = Input("cut.seq", bytes[..(bytes.Length / 2)]);

        var (run, output) = Launch(input, isolation);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Matches($@"^hdnr: Job not successful, no output was committed: {System.Text.RegularExpressions.Regex.Escape(input)}: [^\n]*offset \d+[^\n]*\n$", run.Stderr);
        Assert.False(Directory.Exists(output));
    }

    private static (ProcessResult Run, string Output) Launch(string input, string isolation)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("hdnr-compressed-out-").FullName, "out");
        var run = Hdnr.Run(["wc.csx", "launch-local", input, output, "--isolation", isolation]);
        return (run, output);
    }

    private static void AssertFailedWith(ProcessResult run, string output, string error)
    {
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal($"hdnr: Job not successful, no output was committed: {error}\n", run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.False(File.Exists(Path.Combine(output, "_SUCCESS")));
        Assert.Empty(Directory.Exists(output) ? Directory.GetFiles(output, "part-*", SearchOption.AllDirectories) : []);
    }

    private static long AssertCorrupt(ProcessResult run, string output, string input, string codec)
    {
        var match = Regex.Match(run.Stderr, $@"^hdnr: Job not successful, no output was committed: {Regex.Escape(input)}: the {codec} data is corrupt at or before byte offset (\d+) \(it does not decompress, or its CRC check fails\)\n$");
        Assert.True(match.Success, run.ToString());
        AssertFailedWith(run, output, run.Stderr["hdnr: Job not successful, no output was committed: ".Length..^1]);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Input(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hdnr-compressed-in-").FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return compressed.ToArray();
    }

    private static byte[] BZip2(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var bzip2 = new BZip2OutputStream(compressed) { IsStreamOwner = false }) bzip2.Write(bytes);
        return compressed.ToArray();
    }
}
