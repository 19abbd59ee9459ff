using System.IO.Compression;
using System.Text;
using Hdnr.Formats.Codecs;
using Hdnr.Formats.Output;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.Wire;
using ICSharpCode.SharpZipLib.BZip2;

namespace Hdnr.Formats.Tests.Output;

/// <summary>A part file holds what Hadoop's TextOutputFormat (LineRecordWriter) or SequenceFileOutputFormat writes for the job's io, separator and compression.</summary>
public sealed class PartWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hdnr-part-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_separator_stands_between_key_and_value_and_after_a_key_whose_value_is_empty()
    {
        var bytes = Write(WireFormat.Text, PartFileFormat.Text with { Separator = "::" }, ("a", "1"), ("b", ""), ("", ""));

        Assert.Equal("a::1\nb::\n::\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Keyonlytext_writes_the_key_alone_and_rawbytes_the_hex_of_bytes_writable()
    {
        Assert.Equal("a\tb\nc\n", Encoding.UTF8.GetString(Write(WireFormat.KeyOnlyText, PartFileFormat.Text, ("a\tb", ""), ("c", ""))));
        Assert.Equal("00 0a ff\t\n41\t62 63\n",
            Encoding.UTF8.GetString(Write(WireFormat.RawBytes, PartFileFormat.Text, ("\0\n\u00ff", ""), ("A", "bc"))));
    }

    [Theory]
    [InlineData(HadoopCodecs.Default, "part-00000.deflate")]
    [InlineData(HadoopCodecs.Deflate, "part-00000.deflate")]
    [InlineData(HadoopCodecs.Gzip, "part-00000.gz")]
    [InlineData(HadoopCodecs.BZip2, "part-00000.bz2")]
    public void A_compressed_text_part_takes_its_codecs_extension_and_decompresses_to_the_lines(string codec, string name)
    {
        var format = PartFileFormat.Text with { Codec = codec };
        Assert.Equal(name, format.FileName("part-00000", WireFormat.Text));

        var bytes = Write(WireFormat.Text, format, ("k", "v"), ("x", new string('y', 100_000)));

        using Stream decompress = codec switch
        {
            HadoopCodecs.Gzip => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            HadoopCodecs.BZip2 => new BZip2InputStream(new MemoryStream(bytes)),
            _ => new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress),
        };
        using var text = new StreamReader(decompress);
        Assert.Equal("k\tv\nx\t" + new string('y', 100_000) + "\n", text.ReadToEnd());
    }

    [Theory]
    [InlineData(SequenceFileCompression.None, null)]
    [InlineData(SequenceFileCompression.Record, HadoopCodecs.Default)]
    [InlineData(SequenceFileCompression.Block, HadoopCodecs.BZip2)]
    public void Text_io_as_a_sequence_file_holds_text_keys_and_values_under_the_part_name(SequenceFileCompression compression, string? codec)
    {
        var format = PartFileFormat.Text with { SequenceFile = true, Codec = codec, SequenceCompression = compression };
        Assert.Equal("part-00000", format.FileName("part-00000", WireFormat.Text));

        var path = Path.Combine(_folder, "seq");
        using (var part = new PartWriter(path, WireFormat.Text, format))
        {
            part.Add("foo"u8, "bar"u8);
            part.Add("k"u8, ""u8);
            part.Complete();
        }

        using var reader = SequenceFileReader.Open(path);
        Assert.Equal((HadoopWritables.Text, HadoopWritables.Text, compression, codec),
            (reader.Header.KeyClassName, reader.Header.ValueClassName, reader.Header.Compression, codec is null ? null : reader.Header.CodecClassName));
        var records = new List<string>();
        while (reader.TryReadSerialized(out var key, out var value)) records.Add(Convert.ToHexString(key) + " " + Convert.ToHexString(value));
        // Text's serialization: a vint length, then the bytes.
        Assert.Equal(["03666F6F 03626172", "016B 00"], records);
    }

    [Fact]
    public void Typedbytes_as_text_output_is_refused_since_hadoop_would_write_javas_to_string()
    {
        var error = Assert.Throws<NotSupportedException>(() => new PartWriter(Path.Combine(_folder, "p"), WireFormat.TypedBytes, PartFileFormat.Text with { SequenceFile = false }));
        Assert.Contains("SequenceFiles", error.Message);
        Assert.False(File.Exists(Path.Combine(_folder, "p")));
    }

    private byte[] Write(WireFormat io, PartFileFormat format, params (string Key, string Value)[] pairs)
    {
        var path = Path.Combine(_folder, format.FileName("part-00000", io));
        using (var part = new PartWriter(path, io, format))
        {
            // Latin-1 so a test can name any byte as a character.
            foreach (var (key, value) in pairs) part.Add(Encoding.Latin1.GetBytes(key), Encoding.Latin1.GetBytes(value));
            part.Complete();
        }
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }
}
