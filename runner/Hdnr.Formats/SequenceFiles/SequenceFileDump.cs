using System.Text;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>What <c>hdnr readtb</c> does: prints the pairs of SequenceFiles, directories of part files, or Hadoop paths.</summary>
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
