using System.Buffers;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.Tests.SequenceFiles;

public sealed class SequenceFileVectorTests
{
    public static TheoryData<string> SharedCodecFiles()
    {
        var data = new TheoryData<string>();
        var folder = TestFiles.Shared("sequencefile-codecs");
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName).Order())
            {
                if (file != "xorlev_bad_magic.seq")
                {
                    data.Add(file!);
                }
            }
        }
        else
        {
            // A placeholder row keeps the theory visible; the attribute skips it with the reason.
            data.Add("(absent)");
        }

        return data;
    }

    [Theory]
    [InlineData("all-types.seq", "all-types.seq.dumptb.tb", SequenceFileCompression.Record)]
    [InlineData("j1.out.seq", "j1.reduce-stdin.tb", SequenceFileCompression.None)]
    [InlineData("j6.out.record-deflate.seq", "j1.reduce-stdin.tb", SequenceFileCompression.Record)]
    [InlineData("j6.out.block-deflate.seq", "j1.reduce-stdin.tb", SequenceFileCompression.Block)]
    [InlineData("j3.out.seq", "j3.reduce-stdin.tb", SequenceFileCompression.None)]
    [InlineData("sortkeys.seq", "sortkeys.tb", SequenceFileCompression.Record)]
    public void Hadoop_written_files_read_as_Hadoops_dumptb_printed_them(string seq, string dumptb, SequenceFileCompression compression)
    {
        using var reader = SequenceFileReader.Open(TestFiles.Fixture(seq));
        Assert.Equal(6, reader.Header.Version);
        Assert.Equal(SequenceFileHeader.TypedBytesWritable, reader.Header.KeyClassName);
        Assert.Equal(SequenceFileHeader.TypedBytesWritable, reader.Header.ValueClassName);
        Assert.Equal(compression, reader.Header.Compression);
        Assert.Equal(compression == SequenceFileCompression.None ? null : SequenceFileHeader.DefaultCodec, reader.Header.CodecClassName);
        Assert.Equal(File.ReadAllBytes(TestFiles.Fixture(dumptb)), DumpTb(reader));
    }

    [Fact]
    public void Raw_pairs_of_typed_bytes_files_are_the_typed_bytes_encodings()
    {
        using var reader = SequenceFileReader.Open(TestFiles.Fixture("all-types.seq"));
        using var expected = new TypedBytesReader(File.OpenRead(TestFiles.Fixture("all-types.tb")));
        var count = 0;
        while (reader.TryRead(out var key, out var value))
        {
            Assert.True(expected.TryReadRaw(out var expectedKey));
            Assert.Equal(expectedKey.ToArray(), key.ToArray());
            Assert.True(expected.TryReadRaw(out var expectedValue));
            Assert.Equal(expectedValue.ToArray(), value.ToArray());
            count++;
        }

        Assert.Equal(41, count);
        Assert.False(expected.TryReadRaw(out _));
    }

    [Fact]
    public void Decoded_pairs_are_the_decoded_typed_bytes()
    {
        using var reader = SequenceFileReader.Open(TestFiles.Fixture("j3.out.seq"));
        var pairs = new List<(object? Key, object? Value)>();
        while (reader.TryReadPair(out var key, out var value))
        {
            pairs.Add((key, value));
        }

        using var expected = new TypedBytesReader(File.OpenRead(TestFiles.Fixture("j3.reduce-stdin.tb")));
        foreach (var (key, value) in pairs)
        {
            Assert.IsType<long>(key);
            Assert.Equal(expected.ReadValue(), key);
            Assert.Equal(expected.ReadValue(), value);
        }

        Assert.Same(TypedBytesReader.EndOfStream, expected.ReadValue());
    }

    [SharedVectorsFact]
    public void The_alice_word_count_input_reads_as_its_dumptb_with_its_sync_escapes()
    {
        using var reader = SequenceFileReader.Open(TestFiles.Shared("hadoop-written/wc-input-alice.tb"));
        Assert.Equal(SequenceFileCompression.None, reader.Header.Compression);
        Assert.Equal(File.ReadAllBytes(TestFiles.Shared("hadoop-written/wc-input-alice.dumptb.tb")), DumpTb(reader));

        using var again = SequenceFileReader.Open(TestFiles.Shared("hadoop-written/wc-input-alice.tb"));
        var lines = File.ReadAllText(TestFiles.Shared("hadoop-written/wc-input-alice.txt")).Split("\r\n");
        var count = 0;
        while (again.TryReadPair(out var key, out var value))
        {
            Assert.IsType<int>(key);
            Assert.Equal(lines[count], value);
            count++;
        }

        Assert.Equal(3736, count);
    }

    [SharedVectorsTheory]
    [MemberData(nameof(SharedCodecFiles))]
    public void Every_public_codec_vector_decodes_to_its_known_content(string file)
    {
        using var reader = SequenceFileReader.Open(TestFiles.Shared(Path.Combine("sequencefile-codecs", file)));
        var pairs = new List<(object? Key, object? Value)>();
        while (reader.TryReadPair(out var key, out var value))
        {
            pairs.Add((key, value));
        }

        var codec = file.Split('_', '.') switch
        {
            var parts when parts.Contains("bzip2") || parts.Contains("metadata") => "org.apache.hadoop.io.compress.BZip2Codec",
            var parts when parts.Contains("gzip") => "org.apache.hadoop.io.compress.GzipCodec",
            var parts when parts.Contains("snappy") => "org.apache.hadoop.io.compress.SnappyCodec",
            var parts when parts.Contains("zstd") => "org.apache.hadoop.io.compress.ZStandardCodec",
            var parts when parts.Contains("zlib") || parts.Contains("deflate") => SequenceFileHeader.DefaultCodec,
            _ => null,
        };
        Assert.Equal(codec, reader.Header.CodecClassName);
        if (file.Contains("_block", StringComparison.Ordinal))
        {
            Assert.Equal(SequenceFileCompression.Block, reader.Header.Compression);
        }
        else if (file.Contains("_record", StringComparison.Ordinal))
        {
            Assert.Equal(SequenceFileCompression.Record, reader.Header.Compression);
        }

        if (file.StartsWith("colinmarc_", StringComparison.Ordinal))
        {
            Assert.Equal("org.apache.hadoop.io.BytesWritable", reader.Header.KeyClassName);
            Assert.Equal(2, pairs.Count);
            Assert.Equal("Alice"u8.ToArray(), pairs[0].Key);
            Assert.Equal("Practice"u8.ToArray(), pairs[0].Value);
            Assert.Equal("Bob"u8.ToArray(), pairs[1].Key);
            Assert.Equal("Hope"u8.ToArray(), pairs[1].Value);
        }
        else if (file.StartsWith("xorlev_abc_long_text_", StringComparison.Ordinal) || file == "xorlev_metadata.seq")
        {
            Assert.Equal("org.apache.hadoop.io.LongWritable", reader.Header.KeyClassName);
            Assert.Equal("org.apache.hadoop.io.Text", reader.Header.ValueClassName);
            Assert.Equal(26, pairs.Count);
            for (var i = 0; i < 26; i++)
            {
                Assert.Equal((long)i, pairs[i].Key);

                // The writer of these files put a NUL before each letter: the Text holds 2 bytes, "\0A" ... "\0Z".
                Assert.Equal("\0" + (char)('A' + i), pairs[i].Value);
            }

            if (file == "xorlev_metadata.seq")
            {
                Assert.Equal([new("a", "b"), new("y", "z")], reader.Header.Metadata);
            }
        }
        else
        {
            // xorlev_simple and xorlev_complex: Text keys, custom Writable values given back as class name and bytes.
            Assert.StartsWith("xorlev_", file);
            Assert.Equal("org.apache.hadoop.io.Text", reader.Header.KeyClassName);
            Assert.Equal(1000, pairs.Count);
            Assert.All(pairs, p => Assert.IsType<string>(p.Key));
            var className = file == "xorlev_simple.seq" ? "com.example.Simple" : "com.example.Complex";
            Assert.Equal(className, reader.Header.ValueClassName);
            Assert.All(pairs, p => Assert.Equal(className, Assert.IsType<WritableValue>(p.Value).ClassName));
        }
    }

    [SharedVectorsFact]
    public void A_file_that_is_not_a_SequenceFile_is_refused_naming_it()
    {
        var path = TestFiles.Shared("sequencefile-codecs/xorlev_bad_magic.seq");
        var error = Assert.Throws<InvalidDataException>(() => SequenceFileReader.Open(path));
        Assert.Equal($"{path}: not a SequenceFile: byte offset 0 holds 0x4e4f5453, not \"SEQ\" and a version byte.", error.Message);
    }

    [SharedVectorsFact]
    public void Unknown_writables_convert_to_typed_bytes_as_dumptb_does()
    {
        using var reader = SequenceFileReader.Open(TestFiles.Shared("sequencefile-codecs/xorlev_simple.seq"));
        Assert.True(reader.TryReadTypedBytes(out var key, out var value));
        Assert.Equal(TypedBytesType.String, TypedBytesCodec.PeekType(key));
        var raw = Assert.IsType<TypedBytesRaw>(TypedBytesCodec.Decode(value));
        Assert.Equal(50, raw.Code);
        Assert.Equal([0, 0, 0, 18, .. "com.example.Simple"u8], raw.Bytes[..22]);
    }

    internal static byte[] DumpTb(SequenceFileReader reader)
    {
        var output = new ArrayBufferWriter<byte>();
        while (reader.TryReadTypedBytes(out var key, out var value))
        {
            output.Write(key);
            output.Write(value);
        }

        return output.WrittenSpan.ToArray();
    }
}
