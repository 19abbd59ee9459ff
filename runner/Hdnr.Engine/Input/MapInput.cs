// Input and splits: the bytes a map task reads for its split.
using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using Hdnr.Formats.Codecs;
using Hdnr.Formats.Input;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Formats.Streams;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Input;

/// <summary>What a streaming map task reads on stdin for one split, byte for byte as Hadoop's PipeMapper writes it.</summary>
/// <remarks>
/// Text io: each line's value (TextInputFormat drops the key) followed by <c>\n</c>. Keyonlytext: KeyOnlyTextInputWriter's
/// key alone, the line's file offset in decimal and <c>\n</c>. Rawbytes: RawBytesInputWriter's key and value, each a 4-byte
/// length and the Writable's serialization (LongWritable: 8 bytes; Text: a vint length and the bytes). Typedbytes io: TypedBytesInputWriter's
/// key and value: a text line as long (code 4) file offset and string (code 7); the pairs of a SequenceFile split (those
/// SequenceFileRecordReader gives it) as typed bytes (TypedBytesWritable as stored, other Writables converted as dumptb
/// converts them).
/// </remarks>
internal sealed class MapInput : ReadOnlyStream
{
    private readonly TextRecordReader? _lines;
    private readonly long _firstOffset;
    private readonly SequenceFileSplitReader? _pairs;
    private readonly XmlRecordReader? _xml;
    private readonly Stream? _source;
    private readonly WireFormat _io;
    private readonly Keys _keys;
    private readonly byte _keyValueSeparator;
    private readonly byte[]? _keySeparator;
    private readonly ArrayBufferWriter<byte> _text = new();
    private readonly string _path = "";
    private byte[] _staged = ScratchBuffers.Rent(1 << 20);
    private int _stagedStart;
    private int _stagedEnd;
    private bool _done;

    // Where a text record's key comes from, besides TextInputFormat's file offset.
    private enum Keys
    {
        Offset,
        KeyValue,
        Writables,
        Xml,
    }

    private MapInput(TextRecordReader? lines, long firstOffset, SequenceFileSplitReader? pairs, Stream? source, WireFormat io, long bytes)
    {
        _lines = lines;
        _firstOffset = firstOffset;
        _pairs = pairs;
        _source = source;
        _io = io;
        Bytes = bytes;
    }

    private MapInput(MapInput plain, Keys keys, byte keyValueSeparator, byte[]? keySeparator, XmlRecordReader? xml, string path)
        : this(plain._lines, plain._firstOffset, plain._pairs, plain._source, plain._io, plain.Bytes)
    {
        _keys = keys;
        _keyValueSeparator = keyValueSeparator;
        _keySeparator = keySeparator;
        _xml = xml;
        _path = path;
        // This one reads through the readers `plain` opened; its staging buffer goes back unused.
        ScratchBuffers.Return(plain._staged);
        plain._staged = [];
    }

    /// <summary>Input records handed to the task so far (Hadoop's "Map input records").</summary>
    public long Records { get; private set; }

    /// <summary>File bytes this split reads (Hadoop's "Bytes Read").</summary>
    public long Bytes { get; }

    /// <summary>Called with the number of split bytes consumed since the last call, for the job's progress.</summary>
    public Action<long>? Progress { get; set; }

    private long _reported;

    /// <summary>Opens <paramref name="split"/> for a map task reading <paramref name="io"/> through the job's input format, writing each record's key before its value, then <paramref name="keySeparator"/>, unless it is null (PipeMapper's ignoreKey).</summary>
    public static MapInput Open(InputSplit split, WireFormat io, JobInput input, byte[]? keySeparator)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (io == WireFormat.TypedBytes || (input.Class == InputFormatClass.Text && keySeparator is null)) return Open(split, io);
        // LocalJobRunner refuses other io with these input formats before the job starts.
        if (io != WireFormat.Text) throw new InvalidOperationException($"{input.Class} with {io} io");
        if (input.Xml)
        {
            var xml = new XmlRecordReader(split.Path, split.Start, split.Length, input.XmlBegin!, input.XmlEnd!);
            return new MapInput(new MapInput(null, split.Start, null, null, WireFormat.Text, split.Length), Keys.Xml, 0, keySeparator, xml, split.Path);
        }
        if (input.Class.ReadsSequenceFiles != (split.Format == InputFormat.SequenceFile) && !(input.Class == InputFormatClass.Auto && split.Format == InputFormat.SequenceFile))
            throw new CorruptInputException(input.Class.ReadsSequenceFiles
                ? $"{split.Path} is not a SequenceFile, which {input.Class} reads"
                : $"{split.Path} is a SequenceFile: read it with --io typedbytes or SequenceFileAsTextInputFormat");
        var plain = split.Format == InputFormat.SequenceFile
            ? new MapInput(null, 0, SequenceFileSplitReader.Open(split.Path, split.Start, split.Length), null, WireFormat.Text, split.Length)
            : Open(split, io);
        var keys = input.Class == InputFormatClass.KeyValueText || input.Class == InputFormatClass.StreamInput ? Keys.KeyValue
            : split.Format == InputFormat.SequenceFile ? Keys.Writables : Keys.Offset;
        return new MapInput(plain, keys, input.KeyValueSeparator, keySeparator, null, split.Path);
    }

    /// <summary>Opens <paramref name="split"/> for a map task reading <paramref name="io"/>: TextInputFormat's values with text io, AutoInputFormat's pairs with typedbytes.</summary>
    public static MapInput Open(InputSplit split, WireFormat io)
    {
        if (split.Format == InputFormat.SequenceFile)
        {
            if (io != WireFormat.TypedBytes)
                throw new InvalidDataException($"{split.Path} is a SequenceFile: read it with --io typedbytes");
            return new MapInput(null, 0, SequenceFileSplitReader.Open(split.Path, split.Start, split.Length), null, io, split.Length);
        }
        if (split.Format != InputFormat.Text)
        {
            var decompressed = new CompressedInput(split.Path, split.Format);
            return new MapInput(Lines(decompressed, 0), 0, null, decompressed, io, split.FileLength);
        }
        var (begin, end) = LineBoundaries.Of(split);
        var range = new FileRangeStream(split.Path, begin, end);
        // Hadoop's LineRecordReader reads from the split's start, the partial first line it skips included.
        return new MapInput(Lines(range, begin), begin, null, range, io, LineBoundaries.BytesRead(split, Math.Max(begin, end)));
    }

    // Hadoop's LineRecordReader over the split's bytes, in a buffer kept from the thread's previous task.
    private static TextRecordReader Lines(Stream input, long firstOffset) => new(input, firstOffset, ScratchBuffers.Rent(1 << 20));

    public override int Read(Span<byte> buffer)
    {
        if (_stagedStart == _stagedEnd)
        {
            if (_done) return 0;
            Stage(Math.Max(buffer.Length, 1 << 16));
            Report();
            if (_stagedStart == _stagedEnd) return 0;
        }
        var count = Math.Min(buffer.Length, _stagedEnd - _stagedStart);
        _staged.AsSpan(_stagedStart, count).CopyTo(buffer);
        _stagedStart += count;
        return count;
    }

    // Text and SequenceFile splits report how far they got; compressed text reports once, when it ends.
    private void Report()
    {
        if (Progress is null) return;
        var consumed = _done ? Bytes
            : _pairs is not null ? _pairs.Consumed
            : _xml is not null ? Math.Min(Bytes, _xml.Position - _firstOffset)
            : _lines is not null && _source is FileRangeStream ? _lines.Offset - _firstOffset : 0;
        if (consumed <= _reported) return;
        Progress(consumed - _reported);
        _reported = consumed;
    }

    // Keyonlytext and rawbytes write what their input writers make of TextInputFormat's LongWritable offset and Text line.
    private void StageOther(long offset, ReadOnlySpan<byte> line)
    {
        if (_io == WireFormat.KeyOnlyText)
        {
            var span = Reserve(21);
            Utf8Formatter.TryFormat(offset, span, out var digits);
            span[digits] = (byte)'\n';
            _stagedEnd -= 21 - digits - 1;
            return;
        }
        Span<byte> vint = stackalloc byte[9];
        vint = vint[..WritableVarInt.Write(vint, line.Length)];
        var record = Reserve(4 + 8 + 4 + vint.Length + line.Length);
        BinaryPrimitives.WriteInt32BigEndian(record, 8);
        BinaryPrimitives.WriteInt64BigEndian(record[4..], offset);
        BinaryPrimitives.WriteInt32BigEndian(record[12..], vint.Length + line.Length);
        vint.CopyTo(record[16..]);
        line.CopyTo(record[(16 + vint.Length)..]);
    }

    // Encodes whole records into the staging buffer until it holds at least `want` bytes or the input ends.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Stage(int want)
    {
        _stagedStart = _stagedEnd = 0;
        while (_stagedEnd < want)
        {
            if (_keys != Keys.Offset || _keySeparator is not null)
            {
                if (!StageKeyed())
                {
                    _done = true;
                    return;
                }
                continue;
            }
            else if (_lines is not null)
            {
                if (!_lines.Next())
                {
                    _done = true;
                    return;
                }
                var line = _lines.Value;
                if (_io == WireFormat.Text)
                {
                    var span = Reserve(line.Length + 1);
                    line.CopyTo(span);
                    span[line.Length] = (byte)'\n';
                }
                else if (_io == WireFormat.TypedBytes)
                {
                    var span = Reserve(line.Length + 14);
                    span[0] = 4;
                    BinaryPrimitives.WriteInt64BigEndian(span[1..], _lines.Offset);
                    span[9] = 7;
                    BinaryPrimitives.WriteInt32BigEndian(span[10..], line.Length);
                    line.CopyTo(span[14..]);
                }
                else
                {
                    StageOther(_lines.Offset, line);
                }
            }
            else
            {
                if (!_pairs!.TryReadTypedBytes(out var key, out var value))
                {
                    _done = true;
                    return;
                }
                var span = Reserve(key.Length + value.Length);
                key.CopyTo(span);
                value.CopyTo(span[key.Length..]);
            }
            Records++;
        }
    }

    // One record of an input format whose key PipeMapper writes (or whose value is not the line): key, separator,
    // value, \n with a key; the value and \n without.
    private bool StageKeyed()
    {
        ReadOnlySpan<byte> key, value;
        if (_xml is not null)
        {
            if (!_xml.Next()) return false;
            key = _xml.Record;
            value = default;
        }
        else if (_lines is not null)
        {
            if (!_lines.Next()) return false;
            var line = _lines.Value;
            if (_keys == Keys.KeyValue)
            {
                // KeyValueLineRecordReader: a line without the separator is all key, with an empty value.
                var at = line.IndexOf(_keyValueSeparator);
                key = at < 0 ? line : line[..at];
                value = at < 0 ? default : line[(at + 1)..];
            }
            else
            {
                Span<byte> digits = stackalloc byte[20];
                _lines.Offset.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
                Write(digits[..written], line);
                return true;
            }
        }
        else
        {
            if (!_pairs!.TryReadTypedBytes(out var typedKey, out var typedValue)) return false;
            _text.Clear();
            if (!WritableText.TryWrite(typedKey, _text)) throw Unwritable("key");
            var keyLength = _text.WrittenCount;
            if (!WritableText.TryWrite(typedValue, _text)) throw Unwritable("value");
            key = _text.WrittenSpan[..keyLength];
            value = _text.WrittenSpan[keyLength..];
        }
        Write(key, value);
        return true;
    }

    private CorruptInputException Unwritable(string what) =>
        new($"{_path}: record {Records + 1}: SequenceFileAsTextInputFormat: hdnr does not write Java's text of this {what}'s Writable (a float, a double or a typedbytes container)");

    private void Write(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var separator = _keySeparator;
        var span = Reserve((separator is null ? 0 : key.Length + separator.Length) + value.Length + 1);
        if (separator is not null)
        {
            key.CopyTo(span);
            separator.CopyTo(span[key.Length..]);
            span = span[(key.Length + separator.Length)..];
        }
        value.CopyTo(span);
        span[value.Length] = (byte)'\n';
        Records++;
    }

    private Span<byte> Reserve(int length)
    {
        if (_staged.Length - _stagedEnd < length) Array.Resize(ref _staged, Math.Max(_staged.Length * 2, _stagedEnd + length));
        var span = _staged.AsSpan(_stagedEnd, length);
        _stagedEnd += length;
        return span;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source?.Dispose();
            _pairs?.Dispose();
            _xml?.Dispose();
            if (_lines is not null) ScratchBuffers.Return(_lines.ReleaseBuffer());
            ScratchBuffers.Return(_staged);
            _staged = [];
        }
        base.Dispose(disposing);
    }
}
