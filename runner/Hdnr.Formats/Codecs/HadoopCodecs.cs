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

    /// <summary>Whether launch-local writes output with the codec: the codecs Hadoop 2.8.5 writes without its native library.</summary>
    public static bool IsWritable(string codec) => codec is Default or Deflate or Gzip or BZip2;

    /// <summary>The codecs launch-local writes, for error messages.</summary>
    public static string WritableList => "DefaultCodec, DeflateCodec, GzipCodec, BZip2Codec";

    /// <summary>The file name extension Hadoop gives output written with the codec (CompressionCodec.getDefaultExtension).</summary>
    public static string Extension(string codec) => codec switch
    {
        Default or Deflate => ".deflate",
        Gzip => ".gz",
        BZip2 => ".bz2",
        _ => throw new ArgumentException($"launch-local does not write {codec}", nameof(codec)),
    };

    /// <summary>A stream that compresses what is written to it into <paramref name="output"/> with the codec, as Hadoop's pure-Java codecs write a whole file; disposing it writes the trailer.</summary>
    public static Stream Compress(string codec, Stream output, bool leaveOpen = false) => codec switch
    {
        // DefaultCodec and DeflateCodec are zlib streams (header, deflate, Adler-32), as java.util.zip.Deflater writes them.
        Default or Deflate => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen),
        Gzip => new GZipStream(output, CompressionLevel.Optimal, leaveOpen),
        // Hadoop's BZip2Codec writes one bzip2 stream with 900k blocks.
        BZip2 => new BZip2OutputStream(output, 9) { IsStreamOwner = !leaveOpen },
        _ => throw new ArgumentException($"launch-local does not write {codec}", nameof(codec)),
    };

    /// <summary>Compresses two spans as one buffer of the codec into <paramref name="output"/> (emptied first), as a SequenceFile writer compresses a record or a block.</summary>
    public static void Compress(string codec, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, MemoryStream output)
    {
        output.SetLength(0);
        using var compressor = Compress(codec, output, leaveOpen: true);
        compressor.Write(first);
        compressor.Write(second);
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
