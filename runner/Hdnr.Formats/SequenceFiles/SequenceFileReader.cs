using System.Buffers;
using System.Text;
using Hdnr.Formats.Codecs;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>Reads Hadoop SequenceFiles (versions 4 to 6; uncompressed, RECORD or BLOCK compressed) pair by pair.</summary>
public sealed class SequenceFileReader : IDisposable
{
    private const int SyncEscape = -1;
    private const int SyncSize = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly SequenceFileInput _input;
    private readonly byte[] _sync;
    private readonly byte[] _syncCheck = new byte[SyncSize];
    private readonly ArrayBufferWriter<byte> _converted = new();

    // Uncompressed and RECORD: the current record, and its decompressed value.
    private byte[] _record = [];
    private byte[] _inflated = [];

    // BLOCK: the four decompressed buffers of the current block and where each stands.
    private byte[] _compressed = [];
    private byte[] _keyLengths = [];
    private byte[] _keys = [];
    private byte[] _valueLengths = [];
    private byte[] _values = [];
    private int _keyLengthsEnd;
    private int _valueLengthsEnd;
    private int _keyLengthsPos;
    private int _keysPos;
    private int _valueLengthsPos;
    private int _valuesPos;
    private long _blockRemaining;

    private SequenceFileReader(Stream stream, string name, bool leaveOpen)
    {
        _input = new SequenceFileInput(stream, name, leaveOpen);
        try
        {
            Header = ReadHeader();
            _sync = Header.Sync.ToArray();
        }
        catch
        {
            _input.Dispose();
            throw;
        }
    }

    /// <summary>The file's header.</summary>
    public SequenceFileHeader Header { get; }

    /// <summary>The file's name, as errors give it.</summary>
    public string Name => _input.Name;

    /// <summary>The byte offset the reader has reached (for BLOCK files, the end of the current block).</summary>
    public long Position => _input.Position;

    /// <summary>Whether the last read passed a sync marker (so read the first record of a block, or a record right after a sync escape), as Hadoop's <c>SequenceFile.Reader.syncSeen</c>.</summary>
    public bool SyncSeen { get; private set; }

    /// <summary>Opens a file; a file that is not a SequenceFile is refused with an <see cref="InvalidDataException"/> naming it.</summary>
    public static SequenceFileReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return new SequenceFileReader(stream, path, leaveOpen: false);
    }

    /// <summary>Reads a SequenceFile from a stream; <paramref name="name"/> is named in errors.</summary>
    public static SequenceFileReader Open(Stream stream, string name, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return new SequenceFileReader(stream, name, leaveOpen);
    }

    /// <summary>Reads the next pair's payloads, valid until the next call: typed bytes encodings for TypedBytesWritable, UTF-8 for Text, the bytes of a BytesWritable, other Writables as serialized.</summary>
    public bool TryRead(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        var at = Position;
        if (!TryReadSerialized(out var rawKey, out var rawValue))
        {
            key = value = default;
            return false;
        }

        key = Payload(Header.KeyClassName, rawKey, at, "key");
        value = Payload(Header.ValueClassName, rawValue, at, "value");
        return true;
    }

    /// <summary>Reads the next pair decoded: typed bytes values, string, byte[], long, int, null, or <see cref="WritableValue"/> for other classes.</summary>
    public bool TryReadPair(out object? key, out object? value)
    {
        var at = Position;
        if (!TryRead(out var rawKey, out var rawValue))
        {
            key = value = null;
            return false;
        }

        try
        {
            key = HadoopWritables.Decode(Header.KeyClassName, rawKey);
            value = HadoopWritables.Decode(Header.ValueClassName, rawValue);
        }
        catch (InvalidDataException e)
        {
            throw _input.Corrupt(at, $"a record does not decode ({e.Message.TrimEnd('.')})");
        }

        return true;
    }

    /// <summary>Reads the next pair as typed bytes encodings whatever the Writable classes, as Hadoop's dumptb converts them.</summary>
    public bool TryReadTypedBytes(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        if (!TryRead(out var rawKey, out var rawValue))
        {
            key = value = default;
            return false;
        }

        _converted.ResetWrittenCount();
        HadoopWritables.ToTypedBytes(Header.KeyClassName, rawKey, _converted);
        var keyLength = _converted.WrittenCount;
        HadoopWritables.ToTypedBytes(Header.ValueClassName, rawValue, _converted);
        key = _converted.WrittenSpan[..keyLength];
        value = _converted.WrittenSpan[keyLength..];
        return true;
    }

    /// <summary>Reads the next pair's Writable serializations as they are in the file, valid until the next call.</summary>
    public bool TryReadSerialized(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value) =>
        Header.Compression == SequenceFileCompression.Block
            ? TryReadFromBlock(out key, out value)
            : TryReadRecord(out key, out value);

    /// <summary>Moves to just before the first sync marker that starts at or after <paramref name="position"/> (to the first record while that is in the header, to the end of the file when no marker follows), as Hadoop's <c>SequenceFile.Reader.sync</c>.</summary>
    public void SeekToSync(long position)
    {
        var length = _input.Length ?? throw new NotSupportedException($"{Name}: moving to a sync marker needs a stream that can seek.");
        _blockRemaining = 0;
        if (position + 4 + SyncSize >= length)
        {
            _input.Seek(length);
            return;
        }

        if (position < Header.DataOffset)
        {
            // Hadoop counts the header's copy of the marker as passed.
            _input.Seek(Header.DataOffset);
            SyncSeen = true;
            return;
        }

        // Hadoop looks for the 16 marker bytes alone, from just past where an escape at position would end; its scan
        // stops before a marker that ends the file, which has no record after it anyway.
        var marker = _input.Find(_sync, position + 4);
        _input.Seek(marker >= 0 && marker + SyncSize < length ? marker - 4 : length);
    }

    /// <inheritdoc/>
    public void Dispose() => _input.Dispose();

    private ReadOnlySpan<byte> Payload(string className, ReadOnlySpan<byte> serialized, long at, string what)
    {
        if (!HadoopWritables.TryGetPayload(className, serialized, out var payload, out var problem))
        {
            throw _input.Corrupt(at, $"the record's {what}: {problem}");
        }

        return payload;
    }

    private SequenceFileHeader ReadHeader()
    {
        Span<byte> magic = stackalloc byte[4];
        var present = 0;
        while (present < 4 && !_input.AtEnd())
        {
            magic[present++] = _input.ReadByte("the header");
        }

        if (present < 4 || !magic[..3].SequenceEqual("SEQ"u8))
        {
            throw new InvalidDataException(
                $"{_input.Name}: not a SequenceFile: byte offset 0 holds {(present == 0 ? "nothing" : "0x" + Convert.ToHexStringLower(magic[..present]))}, not \"SEQ\" and a version byte.");
        }

        int version = magic[3];
        if (version is < 4 or > 6)
        {
            throw new InvalidDataException($"{_input.Name}: SequenceFile version {version} (byte offset 3) is not supported; versions 4 to 6 are.");
        }

        var keyClass = ReadText("the key class name");
        var valueClass = ReadText("the value class name");
        var compressed = ReadBool("the compression flag");
        var blockCompressed = ReadBool("the block compression flag");
        string? codec = null;
        if (compressed)
        {
            var codecAt = Position;
            codec = version >= 5 ? ReadText("the codec class name") : HadoopCodecs.Default;
            if (!HadoopCodecs.IsSupported(codec))
            {
                throw new InvalidDataException($"{_input.Name}: compression codec {codec} (byte offset {codecAt}) is not supported; these are: {HadoopCodecs.SupportedList}.");
            }
        }
        else if (blockCompressed)
        {
            throw _input.Corrupt(Position - 1, "the header says block compressed but not compressed");
        }

        var metadata = new List<KeyValuePair<string, string>>();
        if (version >= 6)
        {
            var at = Position;
            var count = _input.ReadInt32("the metadata count");
            if (count < 0 || (_input.Remaining is { } remaining && count > remaining / 2))
            {
                throw _input.Corrupt(at, $"the metadata count {count} is impossible");
            }

            for (var i = 0; i < count; i++)
            {
                metadata.Add(new(ReadText("a metadata key"), ReadText("a metadata value")));
            }
        }

        var sync = new byte[SyncSize];
        _input.ReadExactly(sync, "the sync marker");
        var compression = !compressed ? SequenceFileCompression.None
            : blockCompressed ? SequenceFileCompression.Block
            : SequenceFileCompression.Record;
        return new SequenceFileHeader(version, keyClass, valueClass, compression, codec, metadata, sync, Position);
    }

    private string ReadText(string what)
    {
        var at = Position;
        var length = _input.ReadLength($"the length of {what}", Math.Min(_input.Remaining ?? int.MaxValue, 1 << 20));
        var bytes = length == 0 ? [] : new byte[length];
        _input.ReadExactly(bytes, what);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw _input.Corrupt(at, $"{what} is not UTF-8");
        }
    }

    private bool ReadBool(string what)
    {
        var at = Position;
        var b = _input.ReadByte(what);
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw _input.Corrupt(at, $"{what} is {b}, not 0 or 1"),
        };
    }

    // Reads the sync marker after an escape and checks it against the header's.
    private void CheckSync()
    {
        var at = Position;
        _input.ReadExactly(_syncCheck, "a sync marker");
        if (!_syncCheck.AsSpan().SequenceEqual(_sync))
        {
            throw _input.Corrupt(at, "the sync marker does not match the header's");
        }
    }

    private bool TryReadRecord(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        key = value = default;
        int length;
        long at;
        var passedSync = false;
        while (true)
        {
            if (_input.AtEnd())
            {
                return false;
            }

            at = Position;
            length = _input.ReadInt32("a record length");
            if (length != SyncEscape)
            {
                break;
            }

            // Sync markers may come before any record, at any spacing; one that ends the file counts as passed, as in Hadoop.
            CheckSync();
            passedSync = SyncSeen = true;
        }

        SyncSeen = passedSync;

        if (length < 0)
        {
            throw _input.Corrupt(at, $"a record length is negative ({length})");
        }

        var keyLength = _input.ReadInt32("a key length");
        if (keyLength < 0 || keyLength > length)
        {
            throw _input.Corrupt(at + 4, $"the key length {keyLength} does not fit the record length {length}");
        }

        _input.ReadInto(ref _record, length, "a record");
        key = _record.AsSpan(0, keyLength);
        if (Header.Compression == SequenceFileCompression.Record)
        {
            var inflated = HadoopCodecs.Decompress(Header.CodecClassName!, _record, keyLength, length - keyLength, ref _inflated, m => _input.Corrupt(at, $"the record's value: {m}"));
            value = _inflated.AsSpan(0, inflated);
        }
        else
        {
            value = _record.AsSpan(keyLength, length - keyLength);
        }

        return true;
    }

    private bool TryReadFromBlock(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        key = value = default;
        SyncSeen = false;
        while (_blockRemaining == 0)
        {
            if (!TryReadBlock())
            {
                return false;
            }
        }

        // The block was checked whole when read, so these cannot run off its buffers.
        WritableVarInt.TryRead(_keyLengths.AsSpan(0, _keyLengthsEnd), ref _keyLengthsPos, out var keyLength);
        WritableVarInt.TryRead(_valueLengths.AsSpan(0, _valueLengthsEnd), ref _valueLengthsPos, out var valueLength);
        key = _keys.AsSpan(_keysPos, (int)keyLength);
        value = _values.AsSpan(_valuesPos, (int)valueLength);
        _keysPos += (int)keyLength;
        _valuesPos += (int)valueLength;
        _blockRemaining--;
        return true;
    }

    private bool TryReadBlock()
    {
        if (_input.AtEnd())
        {
            return false;
        }

        var at = Position;
        var escape = _input.ReadInt32("a block's sync escape");
        if (escape != SyncEscape)
        {
            throw _input.Corrupt(at, $"a block starts with {escape}, not the sync escape -1");
        }

        CheckSync();
        SyncSeen = true;
        if (_input.AtEnd())
        {
            return false;
        }

        var countAt = Position;
        var count = _input.ReadVLong("a block's record count");
        if (count < 0 || count > int.MaxValue)
        {
            throw _input.Corrupt(countAt, $"a block's record count {count} is impossible");
        }

        _keyLengthsEnd = ReadBlockBuffer(ref _keyLengths, "key lengths");
        var keysEnd = ReadBlockBuffer(ref _keys, "keys");
        _valueLengthsEnd = ReadBlockBuffer(ref _valueLengths, "value lengths");
        var valuesEnd = ReadBlockBuffer(ref _values, "values");

        CheckLengths(_keyLengths.AsSpan(0, _keyLengthsEnd), keysEnd, count, "key", at);
        CheckLengths(_valueLengths.AsSpan(0, _valueLengthsEnd), valuesEnd, count, "value", at);
        _keyLengthsPos = _keysPos = _valueLengthsPos = _valuesPos = 0;
        _blockRemaining = count;
        return true;
    }

    private int ReadBlockBuffer(ref byte[] target, string what)
    {
        var at = Position;
        var length = _input.ReadLength($"the compressed size of a block's {what}", _input.Remaining ?? int.MaxValue);
        _input.ReadInto(ref _compressed, length, $"a block's {what}");
        return HadoopCodecs.Decompress(Header.CodecClassName!, _compressed, 0, length, ref target, m => _input.Corrupt(at, $"a block's {what}: {m}"));
    }

    // The lengths must be count whole VInts that add up to exactly the data buffer's size.
    private void CheckLengths(ReadOnlySpan<byte> lengths, int dataSize, long count, string what, long blockAt)
    {
        var pos = 0;
        long total = 0;
        for (long i = 0; i < count; i++)
        {
            if (!WritableVarInt.TryRead(lengths, ref pos, out var length))
            {
                throw _input.Corrupt(blockAt, $"the block holds {i} {what} lengths, not the {count} its header says");
            }

            if (length < 0 || (total += length) > dataSize)
            {
                throw _input.Corrupt(blockAt, $"the block's {what} lengths run past its {dataSize} bytes of {what}s");
            }
        }

        if (pos != lengths.Length || total != dataSize)
        {
            throw _input.Corrupt(blockAt, $"the block's {what} lengths do not account for its {what}s exactly");
        }
    }
}
