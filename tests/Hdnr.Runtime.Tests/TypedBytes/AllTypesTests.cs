using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Tests.TypedBytes;

public sealed class AllTypesTests
{
    // What all-types.desc.tsv says each value is, written out as the .NET values the codec must give.
    private static readonly object?[] Expected =
    [
        Array.Empty<byte>(),
        new byte[] { 0x00, 0xff, 0x7f, 0x80 },
        (sbyte)0,
        sbyte.MinValue,
        sbyte.MaxValue,
        true,
        false,
        0,
        -1,
        int.MinValue,
        int.MaxValue,
        0L,
        1099511627776L,
        long.MinValue,
        long.MaxValue,
        1.5f,
        -0.0f,
        BitConverter.Int32BitsToSingle(0x7fc00000), // Java's canonical NaN; .NET's float.NaN has the sign bit set
        float.PositiveInfinity,
        float.Epsilon,
        Math.PI,
        -0.0,
        BitConverter.Int64BitsToDouble(0x7ff8000000000000),
        double.NegativeInfinity,
        1e300,
        string.Empty,
        "hello world",
        "a\tb\nc",
        "h\u00e9llo \u2603 \U0001d11e",
        TypedBytesVector.Empty,
        new TypedBytesVector(1, "a", 2.5),
        new TypedBytesVector(new TypedBytesVector(7L), TypedBytesVector.Empty),
        TypedBytesList.Empty,
        new TypedBytesList(1, "two", new TypedBytesVector(3), true),
        TypedBytesMap.Empty,
        new TypedBytesMap(("a", 1), ("b", new TypedBytesVector(true)), (3, "three")),
        "text writable",
        300,
        -5000000000L,
        new TypedBytesRaw(50, [0, 0, 0, 0x21, .. "org.apache.hadoop.io.NullWritable"u8]),
        new TypedBytesRaw(50, [0, 0, 0, 0x1c, .. "org.apache.hadoop.io.MD5Hash"u8, .. Convert.FromHexString("900150983cd24fb0d6963f7d28e17f72")]),
    ];

    [Fact]
    public void Decoded_values_match_the_description_line_by_line()
    {
        var lines = File.ReadAllLines(TestFiles.Fixture("all-types.desc.tsv"));
        Assert.Equal(Expected.Length, lines.Length);
        using var reader = new TypedBytesReader(File.OpenRead(TestFiles.Fixture("all-types.tb")));
        for (var i = 0; i < lines.Length; i++)
        {
            var columns = lines[i].Split('\t');
            Assert.Equal(columns[0], reader.ReadValue());
            Assert.True(reader.TryReadRaw(out var encoded));
            var code = int.Parse(columns[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(code, (int)TypedBytesCodec.PeekType(encoded));

            var value = TypedBytesCodec.Decode(encoded);
            Assert.True(TypedBytesValueComparer.Instance.Equals(Expected[i], value), $"{columns[0]}: expected {TypedBytesText.Format(Expected[i])}, got {TypedBytesText.Format(value)}");
            Assert.Equal(Expected[i]?.GetType(), value?.GetType());

            // Value equality treats -0.0 as 0.0 and all NaNs alike, so the bits are checked too.
            if (value is double d)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits((double)Expected[i]!), BitConverter.DoubleToInt64Bits(d));
            }
            else if (value is float f)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits((float)Expected[i]!), BitConverter.SingleToInt32Bits(f));
            }
        }

        Assert.Same(TypedBytesReader.EndOfStream, reader.ReadValue());
    }

    [Fact]
    public void Decoding_and_encoding_again_gives_identical_bytes()
    {
        var original = File.ReadAllBytes(TestFiles.Fixture("all-types.tb"));
        var output = new MemoryStream();
        using (var reader = new TypedBytesReader(new MemoryStream(original)))
        using (var writer = new TypedBytesWriter(output, leaveOpen: true))
        {
            while (reader.TryReadValue(out var value))
            {
                writer.Write(value);
            }
        }

        Assert.Equal(original, output.ToArray());
    }

    [Fact]
    public void Raw_values_concatenate_to_the_stream_and_positions_follow()
    {
        var original = File.ReadAllBytes(TestFiles.Fixture("all-types.tb"));
        var output = new MemoryStream();
        using var reader = new TypedBytesReader(new NonSeekableStream(original), bufferSize: 16);
        using var writer = new TypedBytesWriter(output, leaveOpen: true, bufferSize: 16);
        var count = 0;
        while (true)
        {
            var before = reader.Position;
            if (!reader.TryReadRaw(out var encoded))
            {
                break;
            }

            Assert.Equal(original.AsSpan((int)before, encoded.Length).ToArray(), encoded.ToArray());
            writer.WriteRaw(encoded);
            count++;
        }

        writer.Flush();
        Assert.Equal(82, count);
        Assert.Equal(original.Length, reader.Position);
        Assert.Equal(original, output.ToArray());
    }

    [Fact]
    public void Each_encoding_of_the_file_is_what_Encode_gives_for_its_decoded_value()
    {
        using var reader = new TypedBytesReader(File.OpenRead(TestFiles.Fixture("all-types.tb")));
        while (reader.TryReadRaw(out var encoded))
        {
            Assert.Equal(encoded.ToArray(), TypedBytesCodec.Encode(TypedBytesCodec.Decode(encoded)));
        }
    }

    [Fact]
    public void Hadoop_dumptb_of_loadtb_gives_the_same_stream()
    {
        Assert.Equal(File.ReadAllBytes(TestFiles.Fixture("all-types.tb")), File.ReadAllBytes(TestFiles.Fixture("all-types.seq.dumptb.tb")));
    }
}
