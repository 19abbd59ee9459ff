using System.Buffers;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Tests.TypedBytes;

public sealed class CodecTests
{
    [Fact]
    public void Writing_picks_the_code_from_the_dotnet_type()
    {
        Assert.Equal([0, 0, 0, 0, 2, 1, 2], TypedBytesCodec.Encode(new byte[] { 1, 2 }));
        Assert.Equal([1, 0xfb], TypedBytesCodec.Encode((sbyte)-5));
        Assert.Equal([2, 1], TypedBytesCodec.Encode(true));
        Assert.Equal([3, 0xff, 0xff, 0xff, 0xff], TypedBytesCodec.Encode(-1));
        Assert.Equal([4, 0, 0, 0, 0, 0, 0, 0, 7], TypedBytesCodec.Encode(7L));
        Assert.Equal([5, 0x40, 0x20, 0, 0], TypedBytesCodec.Encode(2.5f));
        Assert.Equal([6, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0], TypedBytesCodec.Encode(1.0));
        Assert.Equal([7, 0, 0, 0, 2, 0xc3, 0xa9], TypedBytesCodec.Encode("é"));
        Assert.Equal([8, 0, 0, 0, 1, 2, 0], TypedBytesCodec.Encode(new TypedBytesVector(false)));
        Assert.Equal([9, 2, 0, 255], TypedBytesCodec.Encode(new TypedBytesList(false)));
        Assert.Equal([10, 0, 0, 0, 1, 3, 0, 0, 0, 1, 2, 1], TypedBytesCodec.Encode(new TypedBytesMap((1, true))));
        Assert.Equal([60, 0, 0, 0, 1, 9], TypedBytesCodec.Encode(new TypedBytesRaw(60, [9])));
        Assert.Equal([255], TypedBytesCodec.Encode(null));

        // Plain collections are written as Hadoop's TypedBytesOutput writes them: lists as vectors, dictionaries as maps.
        Assert.Equal(TypedBytesCodec.Encode(new TypedBytesVector(1, "a")), TypedBytesCodec.Encode(new List<object> { 1, "a" }));
        Assert.Equal(TypedBytesCodec.Encode(new TypedBytesMap(("k", 2L))), TypedBytesCodec.Encode(new Dictionary<string, long> { ["k"] = 2 }));
    }

    [Fact]
    public void Unsupported_values_are_refused_with_the_type_named()
    {
        var error = Assert.Throws<ArgumentException>(() => TypedBytesCodec.Encode(DateTime.UnixEpoch));
        Assert.Contains("System.DateTime", error.Message);
        Assert.Throws<ArgumentException>(() => TypedBytesCodec.Encode(new TypedBytesList(1, null)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TypedBytesRaw(49, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TypedBytesRaw(201, []));
    }

    [Fact]
    public void The_writer_fast_paths_equal_the_general_encoding()
    {
        var longText = new string('ж', 5000) + "\U0001d11e";
        var stream = new MemoryStream();
        using (var writer = new TypedBytesWriter(stream, leaveOpen: true, bufferSize: 64))
        {
            writer.WriteString("héllo");
            writer.WriteString(longText.AsSpan());
            writer.WriteString(string.Empty);
            writer.WriteInt(int.MinValue);
            writer.WriteLong(long.MaxValue);
            writer.WriteDouble(double.NaN);
            writer.WriteBytes([1, 2, 3]);
            writer.Write(new TypedBytesVector("x", 1));
        }

        var expected = new ArrayBufferWriter<byte>();
        foreach (var value in new object[] { "héllo", longText, string.Empty, int.MinValue, long.MaxValue, double.NaN, new byte[] { 1, 2, 3 }, new TypedBytesVector("x", 1) })
        {
            TypedBytesCodec.Encode(value, expected);
        }

        Assert.Equal(expected.WrittenSpan.ToArray(), stream.ToArray());
    }

    [Fact]
    public void The_writer_fast_paths_do_not_allocate()
    {
        using var writer = new TypedBytesWriter(Stream.Null);
        // A first round pays the one-time costs (type initializers, the JIT's tier-up on this thread), not a per-value one.
        Write(writer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Write(writer);

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4096);

        static void Write(TypedBytesWriter writer)
        {
            for (var i = 0; i < 10_000; i++)
            {
                writer.WriteString("some text");
                writer.WriteInt(i);
                writer.WriteLong(i);
                writer.WriteDouble(i);
            }
        }
    }

    [Fact]
    public void Reading_raw_values_does_not_allocate_per_value()
    {
        var stream = new MemoryStream();
        using (var writer = new TypedBytesWriter(stream, leaveOpen: true))
        {
            for (var i = 0; i < 20_000; i++)
            {
                writer.WriteInt(i);
                writer.WriteString("a line of text");
            }
        }

        stream.Position = 0;
        using var reader = new TypedBytesReader(stream);
        Assert.True(reader.TryReadRaw(out _));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 1;
        while (reader.TryReadRaw(out _))
        {
            count++;
        }

        Assert.Equal(40_000, count);

        // The runtime may allocate a little on its own (tiering); per value would be tens of kilobytes here.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4096);
    }

    [Fact]
    public void Maps_keep_insertion_order_and_look_keys_up_by_value()
    {
        var map = new TypedBytesMap((new byte[] { 1, 2 }, "bytes"), (3, "int"), (3L, "long"), ("a", null), (new TypedBytesVector(1), "vector"));
        Assert.Equal("bytes", map[new byte[] { 1, 2 }]);
        Assert.Equal("int", map[3]);
        Assert.Equal("long", map[3L]);
        Assert.Equal("vector", map[new TypedBytesVector(1)]);
        Assert.True(map.TryGetValue("a", out var none));
        Assert.Null(none);
        Assert.False(map.ContainsKey(3.0));
        Assert.Equal(["bytes", "int", "long", null, "vector"], map.Values);

        var decoded = (TypedBytesMap)TypedBytesCodec.Decode(TypedBytesCodec.Encode(map))!;
        Assert.True(map.Equals(decoded));
        Assert.Equal(map.GetHashCode(), decoded.GetHashCode());
        Assert.Equal(map.Keys.Select(TypedBytesText.Format), decoded.Keys.Select(TypedBytesText.Format));
    }

    [Fact]
    public void Containers_compare_by_value_and_kind()
    {
        // Assert.Equal would compare these element-wise as collections; the types' own equality is what is under test.
        Assert.True(new TypedBytesVector(1, new byte[] { 7 }, double.NaN).Equals(new TypedBytesVector(1, new byte[] { 7 }, double.NaN)));
        Assert.Equal(new TypedBytesVector(1, new byte[] { 7 }).GetHashCode(), new TypedBytesVector(1, new byte[] { 7 }).GetHashCode());
        Assert.False(new TypedBytesVector(1).Equals(new TypedBytesList(1)));
        Assert.False(new TypedBytesVector(1).Equals(new TypedBytesVector(1L)));
        Assert.False(new TypedBytesVector(1, 2).Equals(new TypedBytesVector(2, 1)));
        Assert.True(new TypedBytesMap(("a", 1), ("b", 2)).Equals(new TypedBytesMap(("b", 2), ("a", 1))));
        Assert.False(new TypedBytesMap(("a", 1)).Equals(new TypedBytesMap(("a", 2))));
        Assert.Equal(new TypedBytesRaw(50, [1, 2]), new TypedBytesRaw(50, [1, 2]));
        Assert.NotEqual(new TypedBytesRaw(50, [1, 2]), new TypedBytesRaw(51, [1, 2]));
    }

    [Fact]
    public void The_readable_form_is_python_like()
    {
        Assert.Equal("\"a\\tb\\\"\"", TypedBytesText.Format("a\tb\""));
        Assert.Equal("0x00ff", TypedBytesText.Format(new byte[] { 0, 255 }));
        Assert.Equal("(1, 2L, 2.5, -0.0, nan, -inf, 1e+300, 1.5f, True, None)", TypedBytesText.Format(new TypedBytesVector(1, 2L, 2.5, -0.0, double.NaN, double.NegativeInfinity, 1e300, 1.5f, true, null)));
        Assert.Equal("(\"x\",)", TypedBytesText.Format(new TypedBytesVector("x")));
        Assert.Equal("[1, [], {\"k\": ()}]", TypedBytesText.Format(new TypedBytesList(1, TypedBytesList.Empty, new TypedBytesMap(("k", TypedBytesVector.Empty)))));
        Assert.Equal("raw(50, 0x0102)", TypedBytesText.Format(new TypedBytesRaw(50, [1, 2])));
    }
}
