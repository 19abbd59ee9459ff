using System.IO.Compression;
using Hdnr.Formats.Input;
using Hdnr.Formats.Streams;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.BZip2;

namespace Hdnr.Formats.Codecs;

/// <summary>The decompressed bytes of a whole <c>.gz</c> or <c>.bz2</c> file, read as Hadoop's GzipCodec and BZip2Codec read them: concatenated members or streams one after another, and data that is truncated or corrupt an error.</summary>
/// <remarks>
/// .NET's GZipStream reads concatenated gzip members and checks each member's CRC and length, and with the
/// <c>System.IO.Compression.UseStrictValidation</c> switch (set for every hdnr process in Directory.Build.props) it
/// throws on data that ends inside a member instead of taking the early end for the end. SharpZipLib's bzip2 reader
/// throws on truncation but stops after the first stream, so each further stream gets a reader of its own.
/// </remarks>
public sealed class CompressedInput : ReadOnlyStream
{
    private readonly string _path;
    private readonly InputFormat _format;
    private readonly TrackedFile _file;
    private Stream? _decompressor;

    public CompressedInput(string path, InputFormat format)
    {
        if (format is not (InputFormat.Gzip or InputFormat.BZip2)) throw new ArgumentException($"{format} is not compressed", nameof(format));
        _path = path;
        _format = format;
        _file = new TrackedFile(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        // An empty .gz has no gzip header: Hadoop's GzipCodec calls that an unexpected end (.NET, no data at all). An empty
        // .bz2 is no records to both.
        if (_file.FileLength == 0) return _format == InputFormat.Gzip ? throw Corrupt(new EndOfStreamException(), truncated: true) : 0;
        try
        {
            while (true)
            {
                _decompressor ??= _format == InputFormat.Gzip
                    ? new GZipStream(_file, CompressionMode.Decompress, leaveOpen: true)
                    : new BZip2InputStream(_file) { IsStreamOwner = false };
                var read = _decompressor.Read(buffer);
                if (read > 0 || _format == InputFormat.Gzip || _file.Consumed == _file.FileLength) return read;
                // A bzip2 stream ended before the file did: the next one follows (pbzip2 and `cat a.bz2 b.bz2` write such files).
                _decompressor.Dispose();
                _decompressor = null;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or SharpZipBaseException)
        {
            throw Corrupt(e, _file.Exhausted);
        }
    }

    private CorruptInputException Corrupt(Exception cause, bool truncated)
    {
        var codec = _format == InputFormat.Gzip ? "gzip" : "bzip2";
        return truncated
            ? new CorruptInputException($"{_path}: the {codec} data ends early, at byte offset {_file.Consumed} (the file is truncated)", cause)
            : new CorruptInputException($"{_path}: the {codec} data is corrupt at or before byte offset {_file.Consumed} (it does not decompress, or its CRC check fails)", cause);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decompressor?.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    // Knows how far the decompressor has read, and whether it asked for more than the file holds: that is a truncated file, any other failure a corrupt one.
    private sealed class TrackedFile(FileStream file) : ReadOnlyStream
    {
        public long FileLength { get; } = file.Length;

        public long Consumed { get; private set; }

        public bool Exhausted { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var read = file.Read(buffer);
            Consumed += read;
            if (read == 0 && !buffer.IsEmpty) Exhausted = true;
            return read;
        }

        // SharpZipLib's bzip2 reader reads byte by byte.
        public override int ReadByte()
        {
            var b = file.ReadByte();
            if (b < 0) Exhausted = true;
            else Consumed++;
            return b;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) file.Dispose();
            base.Dispose(disposing);
        }
    }
}
