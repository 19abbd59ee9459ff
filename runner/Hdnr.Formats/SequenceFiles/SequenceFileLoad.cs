using System.Text;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>What <c>hdnr writetb</c> does: reads pairs from a stream (typed bytes or tab-separated lines) into a SequenceFile of TypedBytesWritable.</summary>
public static class SequenceFileLoad
{
    /// <summary>Writes the pairs of <paramref name="input"/> to <paramref name="path"/>, all or nothing; returns the number of pairs.</summary>
    public static long Run(Stream input, string inputName, PairFormat format, string path, SequenceFileCompression compression, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(path);
        if (format == PairFormat.Readable)
        {
            throw new ArgumentException("writetb reads typed bytes or tsv, not the readable form.", nameof(format));
        }

        if (HadoopPaths.IsRemote(path))
        {
            long count = 0;
            HadoopStreamingTool.LoadTb(path, stdin =>
            {
                using var writer = new TypedBytesWriter(stdin, leaveOpen: true);
                count = ForEachPair(input, inputName, format, (key, value) =>
                {
                    writer.WriteRaw(key);
                    writer.WriteRaw(value);
                });
            });
            return count;
        }

        var local = HadoopPaths.ToLocal(path);
        if (!overwrite && (File.Exists(local) || Directory.Exists(local)))
        {
            throw new IOException($"{path} already exists (--overwrite replaces it).");
        }

        using var output = SequenceFileWriter.Create(local, compression, overwrite);
        var written = ForEachPair(input, inputName, format, (key, value) => output.Append(key, value));
        output.Complete();
        return written;
    }

    private delegate void PairAction(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    private static long ForEachPair(Stream input, string inputName, PairFormat format, PairAction action)
    {
        long count = 0;
        if (format == PairFormat.TypedBytes)
        {
            using var reader = new TypedBytesReader(input, inputName, leaveOpen: true);
            byte[] key = [];
            while (reader.TryReadRaw(out var rawKey))
            {
                // The key's span dies with the next read, so it is kept while the value is read.
                var keyLength = rawKey.Length;
                if (key.Length < keyLength)
                {
                    key = new byte[Math.Max(keyLength, key.Length * 2)];
                }

                rawKey.CopyTo(key);
                var at = reader.Position;
                if (!reader.TryReadRaw(out var value))
                {
                    throw new InvalidDataException($"{inputName}: the typed bytes stream ends after a key, at byte offset {at}: pairs need a value.");
                }

                action(key.AsSpan(0, keyLength), value);
                count++;
            }

            return count;
        }

        // Like Hadoop's text input and streaming: the key runs to the first tab, the value is the rest (empty without a tab).
        using var lines = new StreamReader(input, new UTF8Encoding(false, false), false, 64 * 1024, leaveOpen: true);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        while (lines.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            buffer.ResetWrittenCount();
            TypedBytesCodec.WriteString(buffer, tab < 0 ? line.AsSpan() : line.AsSpan(0, tab));
            var keyLength = buffer.WrittenCount;
            TypedBytesCodec.WriteString(buffer, tab < 0 ? [] : line.AsSpan(tab + 1));
            action(buffer.WrittenSpan[..keyLength], buffer.WrittenSpan[keyLength..]);
            count++;
        }

        return count;
    }
}
