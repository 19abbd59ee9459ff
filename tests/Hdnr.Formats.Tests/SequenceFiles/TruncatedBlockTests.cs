using System.IO.Compression;
using System.Text;
using Hdnr.Formats.Codecs;
using Hdnr.Formats.SequenceFiles;
using ICSharpCode.SharpZipLib.BZip2;

namespace Hdnr.Formats.Tests.SequenceFiles;

/// <summary>A compressed SequenceFile value or block that is cut short is an error naming the file and offset, never a shorter value.</summary>
public sealed class TruncatedBlockTests
{
    private static readonly byte[] Data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 5_000).Select(i => $"record {i}\n")));

    [Theory]
    [InlineData(HadoopCodecs.Default)]
    [InlineData(HadoopCodecs.Deflate)]
    [InlineData(HadoopCodecs.Gzip)]
    [InlineData(HadoopCodecs.BZip2)]
    [InlineData(HadoopCodecs.ZStandard)]
    public void A_compressed_buffer_cut_short_fails_through_the_readers_error(string codec)
    {
        var compressed = Compress(codec, Data);
        Assert.Equal(Data, Decompress(codec, compressed));

        foreach (var cut in new[] { 1, 5, compressed.Length / 2 })
        {
            var error = Assert.Throws<InvalidDataException>(() => Decompress(codec, compressed[..^cut]));
            Assert.StartsWith($"x.seq: corrupt SequenceFile at byte offset 42: the block's values: {codec[(codec.LastIndexOf('.') + 1)..]} data does not decompress", error.Message);
        }
    }

    [Fact]
    public void A_record_compressed_value_cut_short_is_named_with_its_records_offset()
    {
        var file = new MemoryStream();
        using (var writer = SequenceFileWriter.Create(file, SequenceFileCompression.Record, leaveOpen: true))
        {
            writer.Append([7, 0, 0, 0, 1, (byte)'k'], [7, .. BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(Data.Length)), .. Data]);
            writer.Complete();
        }
        var bytes = file.ToArray();
        long at;
        using (var reader = SequenceFileReader.Open(new MemoryStream(bytes), "x.seq")) at = reader.Header.DataOffset;

        // Cut the zlib stream's last 4 bytes (its checksum) and shorten the record's length to match, as a writer that lost them would.
        var recordLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan((int)at));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan((int)at), recordLength - 4);
        var cut = bytes[..((int)at + 8 + recordLength - 4)];

        using var damaged = SequenceFileReader.Open(new MemoryStream(cut), "x.seq");
        var error = Assert.Throws<InvalidDataException>(() => damaged.TryReadPair(out _, out _));
        Assert.StartsWith($"x.seq: corrupt SequenceFile at byte offset {at}: the record's value: DefaultCodec data does not decompress", error.Message);
    }

    private static byte[] Decompress(string codec, byte[] compressed)
    {
        var output = Array.Empty<byte>();
        var length = HadoopCodecs.Decompress(codec, compressed, 0, compressed.Length, ref output,
            m => new InvalidDataException($"x.seq: corrupt SequenceFile at byte offset 42: the block's values: {m}."));
        return output[..length];
    }

    private static byte[] Compress(string codec, byte[] data)
    {
        var output = new MemoryStream();
        using (Stream compressor = codec switch
        {
            HadoopCodecs.Default => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            HadoopCodecs.Deflate => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            HadoopCodecs.Gzip => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            HadoopCodecs.BZip2 => new BZip2OutputStream(output) { IsStreamOwner = false },
            _ => new ZstdSharp.CompressionStream(output, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }
        return output.ToArray();
    }
}
