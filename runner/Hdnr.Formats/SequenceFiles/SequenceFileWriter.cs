using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Hdnr.Formats.Codecs;
using Hdnr.Runtime.Files;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>Writes a version 6 SequenceFile (of TypedBytesWritable keys and values unless told other classes), uncompressed or with a codec per record or per block.</summary>
/// <remarks>Nothing is final until <see cref="Complete"/>: disposing without it abandons the output (a file being created is deleted).</remarks>
public sealed class SequenceFileWriter : IDisposable
{
    // Hadoop 2's SequenceFile.SYNC_INTERVAL: a sync escape once this many bytes have passed since the last.
    private const int SyncInterval = 100 * (4 + SyncSize);
    private const int SyncSize = 16;

    // Hadoop's io.seqfile.compress.blocksize default: a block is written once its keys and values reach this size.
    private const int BlockSize = 1_000_000;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly SequenceFileCompression _compression;
    private readonly SequenceFileClasses _classes;
    private readonly string _codec;
    private readonly byte[] _sync = RandomNumberGenerator.GetBytes(SyncSize);
    private readonly string? _path;
    private readonly string? _tempPath;
    private readonly bool _overwrite;
    private readonly MemoryStream _compressed = new();
    private readonly MemoryStream _keyLengths = new();
    private readonly MemoryStream _keys = new();
    private readonly MemoryStream _valueLengths = new();
    private readonly MemoryStream _values = new();
    private long _position;
    private long _lastSync;
    private int _blockRecords;
    private bool _completed;
    private bool _disposed;

    private SequenceFileWriter(Stream output, bool leaveOpen, SequenceFileCompression compression, string? path, string? tempPath, bool overwrite,
        SequenceFileClasses? classes, string? codec)
    {
        _output = output;
        _leaveOpen = leaveOpen;
        _compression = compression;
        _classes = classes ?? SequenceFileClasses.TypedBytes;
        _codec = codec ?? HadoopCodecs.Default;
        _path = path;
        _tempPath = tempPath;
        _overwrite = overwrite;
        WriteHeader();
    }

    /// <summary>The number of pairs appended.</summary>
    public long Count { get; private set; }

    /// <summary>Starts a file at <paramref name="path"/>, written beside it under a temporary name and moved into place by <see cref="Complete"/>.</summary>
    /// <param name="classes">The key and value classes the header names and the pairs are serialized as; TypedBytesWritable when null.</param>
    /// <param name="codec">The compression codec when <paramref name="compression"/> is not None; DefaultCodec when null.</param>
    public static SequenceFileWriter Create(string path, SequenceFileCompression compression = SequenceFileCompression.None, bool overwrite = false,
        SequenceFileClasses? classes = null, string? codec = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"{path} is a directory.");
        }

        if (!overwrite && File.Exists(full))
        {
            throw new IOException($"{path} already exists.");
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            // Said here, because the error from creating the temporary file would name that file instead.
            throw new DirectoryNotFoundException($"{path}: the folder {folder} does not exist.");
        }

        var (stream, temp) = AtomicFile.Create(full, bufferSize: 64 * 1024);
        try
        {
            return new SequenceFileWriter(stream, leaveOpen: false, compression, path, temp, overwrite, classes, codec);
        }
        catch
        {
            stream.Dispose();
            AtomicFile.TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes to a stream; <see cref="Complete"/> writes what is buffered and flushes.</summary>
    public static SequenceFileWriter Create(Stream output, SequenceFileCompression compression = SequenceFileCompression.None, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new SequenceFileWriter(new BufferedStream(output, 64 * 1024), leaveOpen, compression, null, null, false, null, null);
    }

    /// <summary>Appends a pair given as the payloads of the file's key and value classes (for TypedBytesWritable, typed bytes encodings with their type code, each one whole value; for NullWritable, nothing).</summary>
    public void Append(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        ObjectDisposedException.ThrowIf(_disposed || _completed, this);
        Check(_classes.KeyClass, key, nameof(key));
        Check(_classes.ValueClass, value, nameof(value));
        Span<byte> keyPrefix = stackalloc byte[9];
        Span<byte> valuePrefix = stackalloc byte[9];
        keyPrefix = keyPrefix[..Prefix(_classes.KeyClass, key.Length, keyPrefix)];
        valuePrefix = valuePrefix[..Prefix(_classes.ValueClass, value.Length, valuePrefix)];
        var keyLength = keyPrefix.Length + key.Length;
        var valueLength = valuePrefix.Length + value.Length;
        switch (_compression)
        {
            case SequenceFileCompression.None:
                WriteSyncIfDue();
                WriteInt(keyLength + valueLength);
                WriteInt(keyLength);
                Write(keyPrefix);
                Write(key);
                Write(valuePrefix);
                Write(value);
                break;
            case SequenceFileCompression.Record:
            {
                WriteSyncIfDue();
                HadoopCodecs.Compress(_codec, valuePrefix, value, _compressed);
                WriteInt(keyLength + (int)_compressed.Length);
                WriteInt(keyLength);
                Write(keyPrefix);
                Write(key);
                Write(_compressed.GetBuffer().AsSpan(0, (int)_compressed.Length));
                break;
            }

            default:
                AppendToBlock(_keyLengths, _keys, keyPrefix, key);
                AppendToBlock(_valueLengths, _values, valuePrefix, value);
                _blockRecords++;
                if (_keys.Length + _values.Length >= BlockSize)
                {
                    WriteBlock();
                }

                break;
        }

        Count++;
    }

    /// <summary>Appends a pair of .NET values, encoded as typed bytes.</summary>
    public void Append(object? key, object? value) => Append(TypedBytesCodec.Encode(key), TypedBytesCodec.Encode(value));

    /// <summary>Writes what is buffered, flushes, and for a file moves it into place.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed || _completed, this);
        if (_blockRecords > 0)
        {
            WriteBlock();
        }

        _output.Flush();
        _completed = true;
        if (_path is not null)
        {
            _output.Dispose();
            AtomicFile.Commit(_tempPath!, _path, _overwrite);
        }
    }

    /// <summary>Closes the output; without <see cref="Complete"/> a file being created is deleted.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_path is not null)
        {
            _output.Dispose();
            if (!_completed)
            {
                File.Delete(_tempPath!);
            }
        }
        else if (!_leaveOpen)
        {
            _output.Dispose();
        }
        else if (_completed)
        {
            // The BufferedStream wrapper is ours; the caller's stream stays open.
            _output.Flush();
        }
    }

    // A Writable's serialization before its payload: BytesWritable and TypedBytesWritable an int length, Text a vint length, NullWritable nothing.
    private static int Prefix(string className, int length, Span<byte> prefix)
    {
        switch (className)
        {
            case HadoopWritables.Text:
                return WritableVarInt.Write(prefix, length);
            case HadoopWritables.NullWritable:
                return 0;
            default:
                BinaryPrimitives.WriteInt32BigEndian(prefix, length);
                return 4;
        }
    }

    private static void Check(string className, ReadOnlySpan<byte> payload, string name)
    {
        if (className == HadoopWritables.TypedBytesWritable) CheckOneValue(payload, name);
        else if (className == HadoopWritables.NullWritable && !payload.IsEmpty)
            throw new ArgumentException($"A NullWritable has no bytes; got {payload.Length}.", name);
    }

    private static void CheckOneValue(ReadOnlySpan<byte> encoded, string name)
    {
        var result = TypedBytesFraming.Measure(encoded, out var length, out var error);
        if (result != TypedBytesFraming.Result.Complete || length != encoded.Length)
        {
            throw new ArgumentException(
                $"Not one whole typed bytes value ({error ?? (result == TypedBytesFraming.Result.NeedMore ? "cut short" : $"{encoded.Length - length} bytes after it")}).",
                name);
        }
    }

    private static void AppendToBlock(MemoryStream lengths, MemoryStream data, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> payload)
    {
        Span<byte> scratch = stackalloc byte[9];
        lengths.Write(scratch[..WritableVarInt.Write(scratch, prefix.Length + payload.Length)]);
        data.Write(prefix);
        data.Write(payload);
    }

    private void WriteHeader()
    {
        Write("SEQ"u8);
        Write([6]);
        WriteText(_classes.KeyClass);
        WriteText(_classes.ValueClass);
        Write([(byte)(_compression == SequenceFileCompression.None ? 0 : 1)]);
        Write([(byte)(_compression == SequenceFileCompression.Block ? 1 : 0)]);
        if (_compression != SequenceFileCompression.None)
        {
            WriteText(_codec);
        }

        WriteInt(0);
        Write(_sync);
    }

    private void WriteBlock()
    {
        WriteSync();
        WriteVLong(_blockRecords);
        foreach (var buffer in new[] { _keyLengths, _keys, _valueLengths, _values })
        {
            HadoopCodecs.Compress(_codec, [], buffer.GetBuffer().AsSpan(0, (int)buffer.Length), _compressed);
            WriteVLong(_compressed.Length);
            Write(_compressed.GetBuffer().AsSpan(0, (int)_compressed.Length));
            buffer.SetLength(0);
        }

        _blockRecords = 0;
    }

    private void WriteSyncIfDue()
    {
        if (_position >= _lastSync + SyncInterval)
        {
            WriteSync();
        }
    }

    private void WriteSync()
    {
        if (_lastSync != _position)
        {
            WriteInt(-1);
            Write(_sync);
            _lastSync = _position;
        }
    }

    private void WriteText(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteVLong(bytes.Length);
        Write(bytes);
    }

    private void WriteVLong(long value)
    {
        Span<byte> scratch = stackalloc byte[9];
        Write(scratch[..WritableVarInt.Write(scratch, value)]);
    }

    private void WriteInt(int value)
    {
        Span<byte> scratch = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(scratch, value);
        Write(scratch);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _position += bytes.Length;
    }
}
