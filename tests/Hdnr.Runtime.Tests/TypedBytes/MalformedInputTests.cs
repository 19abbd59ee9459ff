using System.Buffers.Binary;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Tests.TypedBytes;

public sealed class MalformedInputTests
{
    [Fact]
    public void A_cut_at_every_offset_gives_the_whole_values_then_an_error_naming_an_offset()
    {
        var original = File.ReadAllBytes(TestFiles.Fixture("all-types.tb"));
        var boundaries = ValueBoundaries(original);
        for (var cut = 0; cut < original.Length; cut++)
        {
            var prefix = original[..cut];
            foreach (var stream in new Stream[] { new MemoryStream(prefix), new NonSeekableStream(prefix) })
            {
                using var reader = new TypedBytesReader(stream, source: "cut.tb", bufferSize: 16);
                var whole = boundaries.Count(b => b > 0 && b <= cut);
                var read = 0;
                if (boundaries.Contains(cut))
                {
                    while (reader.TryReadValue(out _))
                    {
                        read++;
                    }

                    Assert.Equal(whole, read);
                }
                else
                {
                    var error = Assert.Throws<InvalidDataException>(() =>
                    {
                        while (reader.TryReadValue(out _))
                        {
                            read++;
                        }
                    });
                    Assert.Equal(whole, read);
                    Assert.StartsWith("cut.tb: bad typed bytes at byte offset ", error.Message);
                    Assert.Contains($"starting at byte offset {boundaries.Where(b => b <= cut).Max()}", error.Message);
                }
            }
        }
    }

    [Fact]
    public void Decode_refuses_a_cut_value_and_trailing_bytes()
    {
        var encoded = TypedBytesCodec.Encode(new TypedBytesVector(1, "abc"));
        for (var cut = 0; cut < encoded.Length; cut++)
        {
            var error = Assert.Throws<InvalidDataException>(() => TypedBytesCodec.Decode(encoded.AsSpan(0, cut)));
            Assert.Contains("byte offset", error.Message);
        }

        var trailing = Assert.Throws<InvalidDataException>(() => TypedBytesCodec.Decode([.. encoded, 3]));
        Assert.Contains($"byte offset {encoded.Length}", trailing.Message);
    }

    [Fact]
    public void A_length_past_the_end_of_a_seekable_stream_is_refused_before_allocating()
    {
        byte[] data = [0x07, 0, 0, 0, 1, (byte)'a', 0x07, 0x7f, 0xff, 0xff, 0xf0, (byte)'x'];
        using var reader = new TypedBytesReader(new MemoryStream(data), source: "big.tb");
        Assert.Equal("a", reader.ReadValue());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadValue());
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "allocated more than 1 MB for a lying length");
        Assert.Equal("big.tb: bad typed bytes at byte offset 12: the stream ends inside the value starting at byte offset 6 (type code 7, 6 bytes present, at least 2147483637 needed).", error.Message);
    }

    [Fact]
    public void A_lying_length_on_a_pipe_costs_no_more_than_the_bytes_that_arrive()
    {
        var data = new byte[5 + 100_000];
        data[0] = 0x00;
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(1), 0x7f000000);
        using var reader = new TypedBytesReader(new NonSeekableStream(data, maxChunk: 4096));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadValue());
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "allocated more than 1 MB for a lying length");
        Assert.Equal("bad typed bytes at byte offset 100005: the stream ends inside the value starting at byte offset 0 (type code 0, 100005 bytes present, at least 2130706437 needed).", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 3, 0, 0, 0, 1, 11 }, "byte offset 5: unknown type code 11")]
    [InlineData(new byte[] { 0, 0xff, 0xff, 0xff, 0xfe }, "byte offset 1: negative length -2 for type code 0")]
    [InlineData(new byte[] { 8, 0, 0, 0, 2, 3, 0, 0, 0, 1, 201 }, "byte offset 10: unknown type code 201")]
    [InlineData(new byte[] { 10, 0x80, 0, 0, 0 }, "byte offset 1: negative element count")]
    [InlineData(new byte[] { 10, 0, 0, 0, 1, 255, 3, 0, 0, 0, 1 }, "byte offset 5: a map key is null")]
    public void Malformed_values_are_refused_naming_the_offset(byte[] data, string expected)
    {
        using var reader = new TypedBytesReader(new MemoryStream(data), source: "bad.tb");
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            while (reader.TryReadValue(out _))
            {
            }
        });
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("bad.tb: ", error.Message);
    }

    [Fact]
    public void A_length_no_array_can_hold_is_refused()
    {
        using var reader = new TypedBytesReader(new NonSeekableStream([7, 0x7f, 0xff, 0xff, 0xff, 1, 2]), source: "pipe");
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadValue());
        Assert.Equal("pipe: bad typed bytes at byte offset 0: the value starting here claims 2147483652 bytes, more than one value may hold.", error.Message);
    }

    [Fact]
    public void Hostile_nesting_is_refused_rather_than_overflowing_the_stack()
    {
        var data = Enumerable.Repeat((byte)TypedBytesType.List, 100_000).Concat(Enumerable.Repeat((byte)255, 100_000)).ToArray();
        using var reader = new TypedBytesReader(new MemoryStream(data));
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadValue());
        Assert.Contains("byte offset 1000: containers nested deeper than 1000", error.Message);
    }

    [Fact]
    public void Nesting_up_to_the_limit_decodes()
    {
        var data = Enumerable.Repeat((byte)TypedBytesType.List, 1000).Concat(Enumerable.Repeat((byte)255, 1000)).ToArray();
        var value = TypedBytesCodec.Decode(data);
        var depth = 0;
        while (value is TypedBytesList { Count: 1 } list)
        {
            value = list[0];
            depth++;
        }

        Assert.Equal(999, depth);
        Assert.Equal(data, TypedBytesCodec.Encode(TypedBytesCodec.Decode(data)));
    }

    [Fact]
    public void A_big_container_arriving_in_small_reads_is_scanned_once_not_once_a_read()
    {
        // A million ints in one vector, 5 MB, delivered 512 bytes a read: rescanning on every read would scan 25 GB.
        var items = Enumerable.Range(0, 1_000_000).Select(i => (object?)i).ToArray();
        byte[] data = [.. TypedBytesCodec.Encode(new TypedBytesVector(items)), .. TypedBytesCodec.Encode(new TypedBytesList("x", new TypedBytesVector(1, 2)))];
        using var reader = new TypedBytesReader(new NonSeekableStream(data, maxChunk: 512), bufferSize: 1024);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(reader.TryReadRaw(out var encoded));
        Assert.Equal(5 + 5_000_000, encoded.Length);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        var vector = Assert.IsType<TypedBytesVector>(TypedBytesCodec.Decode(encoded));
        Assert.Equal(999_999, vector[^1]);
        Assert.True(reader.ReadValue() is TypedBytesList { Count: 2 });
        Assert.Same(TypedBytesReader.EndOfStream, reader.ReadValue());
    }

    [Fact]
    public void Every_split_of_nested_containers_across_reads_gives_the_same_values()
    {
        var original = File.ReadAllBytes(TestFiles.Fixture("all-types.tb"));
        for (var chunk = 1; chunk <= 9; chunk++)
        {
            using var reader = new TypedBytesReader(new NonSeekableStream(original, chunk), bufferSize: 16);
            var output = new MemoryStream();
            using (var writer = new TypedBytesWriter(output, leaveOpen: true))
            {
                while (reader.TryReadRaw(out var encoded))
                {
                    writer.WriteRaw(encoded);
                }
            }

            Assert.Equal(original, output.ToArray());
        }
    }

    private static List<int> ValueBoundaries(byte[] data)
    {
        var boundaries = new List<int> { 0 };
        using var reader = new TypedBytesReader(new MemoryStream(data));
        while (reader.TryReadRaw(out _))
        {
            boundaries.Add((int)reader.Position);
        }

        return boundaries;
    }
}
