using System.Buffers.Binary;
using System.Text;
using Hdnr.Formats.Codecs;
using Hdnr.Formats.Input;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>What <c>hdnr readtb</c> does: prints the pairs of SequenceFiles, text files, directories of part files, or Hadoop paths.</summary>
public static class SequenceFileDump
{
    /// <summary>Writes every pair of every path to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static void Write(IEnumerable<string> paths, PairFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);

        // Console streams are unbuffered, and a pair is two small writes. Not disposed: that would close the caller's stream.
        var buffered = new BufferedStream(output, 64 * 1024);
        using var lines = new LineOutput(buffered);
        foreach (var path in paths)
        {
            if (HadoopPaths.IsRemote(path))
            {
                WriteRemote(path, format, buffered, lines);
                continue;
            }

            foreach (var file in HadoopPaths.ExpandLocal(path))
            {
                // dumptb reads through AutoInputFormat: a file that does not start with SEQ is text.
                if (InputFormats.Detect(file) is not InputFormat.SequenceFile and var text)
                {
                    WriteText(file, text, format, buffered, lines);
                    continue;
                }
                using var reader = SequenceFileReader.Open(file);
                if (format == PairFormat.TypedBytes)
                {
                    while (reader.TryReadTypedBytes(out var key, out var value))
                    {
                        buffered.Write(key);
                        buffered.Write(value);
                    }
                }
                else
                {
                    while (reader.TryReadPair(out var key, out var value))
                    {
                        lines.Write(key, value, format);
                    }
                }
            }

            lines.Flush();
        }

        buffered.Flush();
        output.Flush();
    }

    // TextInputFormat's pairs, as dumptb writes them: the line's byte offset (a long) and the line (a string). Unlike
    // dumptb, which decodes the line to a Java string first, bytes that are not UTF-8 are kept.
    private static void WriteText(string file, InputFormat format, PairFormat pairs, Stream output, LineOutput lines)
    {
        using Stream input = format == InputFormat.Text ? File.OpenRead(file) : new CompressedInput(file, format);
        var reader = new TextRecordReader(input, 0, new byte[1 << 16]);
        var pair = new byte[1 << 10];
        while (reader.Next())
        {
            var length = 14 + reader.Value.Length;
            if (pair.Length < length) pair = new byte[Math.Max(length, pair.Length * 2)];
            pair[0] = (byte)TypedBytesType.Long;
            BinaryPrimitives.WriteInt64BigEndian(pair.AsSpan(1), reader.Offset);
            pair[9] = (byte)TypedBytesType.String;
            BinaryPrimitives.WriteInt32BigEndian(pair.AsSpan(10), reader.Value.Length);
            reader.Value.CopyTo(pair.AsSpan(14));
            // The readable forms decode the string as any typedbytes string is decoded, so both forms show the same text.
            if (pairs == PairFormat.TypedBytes) output.Write(pair, 0, length);
            else lines.Write(reader.Offset, TypedBytesCodec.Decode(pair.AsSpan(9, length - 9)), pairs);
        }
    }

    private static void WriteRemote(string path, PairFormat format, Stream output, LineOutput lines)
    {
        if (format == PairFormat.TypedBytes)
        {
            HadoopStreamingTool.DumpTb(path, dumped => dumped.CopyTo(output));
            return;
        }

        HadoopStreamingTool.DumpTb(path, dumped =>
        {
            using var reader = new TypedBytesReader(dumped, source: $"hadoop dumptb {path}", leaveOpen: true);
            while (reader.TryReadValue(out var key))
            {
                var at = reader.Position;
                if (!reader.TryReadValue(out var value))
                {
                    throw new InvalidDataException($"hadoop dumptb {path}: the output ends after a key, at byte offset {at}.");
                }

                lines.Write(key, value, format);
            }
        });
        lines.Flush();
    }

    // Lines are built in one reused builder and encoded as UTF-8 with \n line ends whatever the platform.
    private sealed class LineOutput(Stream output) : IDisposable
    {
        private readonly StringBuilder _line = new();
        private readonly StreamWriter _writer = new(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };

        public void Write(object? key, object? value, PairFormat format)
        {
            _line.Clear();
            PairFormatter.AppendLine(_line, key, value, format);
            _line.Append('\n');
            _writer.Write(_line);
        }

        public void Flush() => _writer.Flush();

        public void Dispose() => _writer.Dispose();
    }
}
