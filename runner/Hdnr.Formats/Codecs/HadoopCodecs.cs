using System.Buffers.Binary;
using System.IO.Compression;
using Hdnr.Formats.SequenceFiles;
using ICSharpCode.SharpZipLib.BZip2;
using ZstdSharp;

namespace Hdnr.Formats.Codecs;

/// <summary>Hadoop's compression codecs by class name: what they read and, for DefaultCodec, write.</summary>
public static class HadoopCodecs
{
    public const string Default = "org.apache.hadoop.io.compress.DefaultCodec";
    public const string Deflate = "org.apache.hadoop.io.compress.DeflateCodec";
    public const string Gzip = "org.apache.hadoop.io.compress.GzipCodec";
    public const string BZip2 = "org.apache.hadoop.io.compress.BZip2Codec";
    public const string Snappy = "org.apache.hadoop.io.compress.SnappyCodec";
    public const string ZStandard = "org.apache.hadoop.io.compress.ZStandardCodec";

    /// <summary>Whether this reader can decompress the codec.</summary>
    public static bool IsSupported(string codec) => codec is Default or Deflate or Gzip or BZip2 or Snappy or ZStandard;

    /// <summary>The supported codecs, for error messages.</summary>
    public static string SupportedList => "DefaultCodec, DeflateCodec, GzipCodec, BZip2Codec, SnappyCodec, ZStandardCodec";

    /// <summary>Decompresses one compressed buffer into <paramref name="output"/> (grown as needed) and returns the length, or throws <paramref name="corrupt"/>'s exception.</summary>
    public static int Decompress(string codec, byte[] input, int offset, int length, ref byte[] output, Func<string, Exception> corrupt)
    {
        // Damaged input must not make us allocate without bound: no real buffer expands past this.
        var limit = (int)Math.Min(Array.MaxLength, Math.Max(64L << 20, 1100L * length));
        try
        {
            if (codec == Snappy)
            {
                return DecompressSnappyBlocks(input.AsSpan(offset, length), ref output, limit, corrupt);
            }

            using var source = new MemoryStream(input, offset, length, writable: false);
            using Stream decompressor = codec switch
            {
                Default or Deflate => new ZLibStream(source, CompressionMode.Decompress),
                Gzip => new GZipStream(source, CompressionMode.Decompress),
                BZip2 => new BZip2InputStream(source),
                ZStandard => new DecompressionStream(source),
                _ => throw corrupt($"compression codec {codec} is not supported (supported: {SupportedList})"),
            };
            var total = 0;
            while (true)
            {
                if (total == output.Length)
                {
                    if (total >= limit)
                    {
                        throw corrupt($"a compressed buffer of {length} bytes expands past {limit} bytes");
                    }

                    Array.Resize(ref output, (int)Math.Min(limit, Math.Max(4096, output.Length * 2L)));
                }

                var read = decompressor.Read(output, total, output.Length - total);
                if (read == 0)
                {
                    return total;
                }

                total += read;
            }
        }
        catch (Exception e) when (!e.Data.Contains(SequenceFileInput.CorruptMarker))
        {
            // Each library has its own exception types for bad data; the user gets one kind, with the place.
            throw corrupt($"{ShortName(codec)} data does not decompress ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Compresses with DefaultCodec (zlib), as Hadoop's writer does.</summary>
    public static void CompressDefault(ReadOnlySpan<byte> input, MemoryStream output) => CompressDefault([], input, output);

    /// <summary>Compresses two spans as one zlib stream, so a length prefix need not be copied in front of its data.</summary>
    public static void CompressDefault(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, MemoryStream output)
    {
        output.SetLength(0);
        using var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true);
        zlib.Write(first);
        zlib.Write(second);
    }

    private static string ShortName(string codec) => codec[(codec.LastIndexOf('.') + 1)..];

    // Hadoop's SnappyCodec writes BlockCompressorStream framing: an int32 uncompressed size,
    // then int32-length-prefixed raw snappy chunks until that many bytes are produced, repeated.
    private static int DecompressSnappyBlocks(ReadOnlySpan<byte> input, ref byte[] output, int limit, Func<string, Exception> corrupt)
    {
        var pos = 0;
        var total = 0;
        while (pos < input.Length)
        {
            var original = ReadInt(input, ref pos, "a snappy block's size", corrupt);
            var produced = 0;
            while (produced < original)
            {
                var chunkLength = ReadInt(input, ref pos, "a snappy chunk's length", corrupt);
                if (chunkLength > input.Length - pos)
                {
                    throw corrupt($"a snappy chunk of {chunkLength} bytes runs past its buffer ({input.Length - pos} bytes remain)");
                }

                var chunk = input.Slice(pos, chunkLength);
                pos += chunkLength;
                var size = global::Snappier.Snappy.GetUncompressedLength(chunk);
                if (size > original - produced)
                {
                    throw corrupt($"a snappy chunk claims {size} bytes, more than the {original - produced} its block has left");
                }

                if ((long)total + size > limit)
                {
                    throw corrupt($"snappy data expands past {limit} bytes");
                }

                if (output.Length < total + size)
                {
                    Array.Resize(ref output, (int)Math.Min(limit, Math.Max(total + size, output.Length * 2L)));
                }

                var written = global::Snappier.Snappy.Decompress(chunk, output.AsSpan(total, size));
                total += written;
                produced += written;
                if (written == 0 && size != 0)
                {
                    throw corrupt("a snappy chunk gave no bytes");
                }
            }
        }

        return total;
    }

    private static int ReadInt(ReadOnlySpan<byte> input, ref int pos, string what, Func<string, Exception> corrupt)
    {
        if (input.Length - pos < 4)
        {
            throw corrupt($"the compressed buffer ends inside {what}");
        }

        var value = BinaryPrimitives.ReadInt32BigEndian(input[pos..]);
        pos += 4;
        if (value < 0)
        {
            throw corrupt($"{what} is negative ({value})");
        }

        return value;
    }
}
