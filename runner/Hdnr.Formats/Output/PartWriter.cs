using System.Runtime.CompilerServices;
using Hdnr.Formats.Codecs;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.Wire;

namespace Hdnr.Formats.Output;

/// <summary>Writes a task's pairs to its part file as Hadoop's TextOutputFormat (LineRecordWriter) or SequenceFileOutputFormat writes the key and value classes the job's io gives them, compressed when the job asks.</summary>
/// <remarks>
/// Text io writes Text keys and values (key, separator, value, <c>\n</c>, the separator even for an empty value);
/// keyonlytext a Text key and a NullWritable value (the key and <c>\n</c>); rawbytes BytesWritable keys and values,
/// which TextOutputFormat writes as BytesWritable.toString does (two hex digits a byte, a space between bytes);
/// typedbytes TypedBytesWritable, written only to SequenceFiles (its text form is Java's toString of the value).
/// </remarks>
public sealed class PartWriter : IPairSink, IDisposable
{
    private readonly Stream? _text;
    private readonly FileStream? _file;
    private readonly SequenceFileWriter? _sequence;
    private readonly WireFormat _io;
    private readonly byte[] _separator;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    /// <exception cref="NotSupportedException">Typedbytes pairs asked as text: Hadoop writes Java's toString of each value.</exception>
    public PartWriter(string path, WireFormat io, PartFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Path = path;
        _io = io;
        _separator = format.SeparatorBytes;
        if (format.IsSequenceFile(io))
        {
            var classes = io switch
            {
                WireFormat.TypedBytes => SequenceFileClasses.TypedBytes,
                WireFormat.RawBytes => SequenceFileClasses.Bytes,
                WireFormat.KeyOnlyText => SequenceFileClasses.KeyOnlyText,
                _ => SequenceFileClasses.Text,
            };
            _sequence = format.Codec is null
                ? SequenceFileWriter.Create(path, classes: classes)
                : SequenceFileWriter.Create(path, format.SequenceCompression, classes: classes, codec: format.Codec);
            return;
        }
        if (io == WireFormat.TypedBytes)
            throw new NotSupportedException("TextOutputFormat would write Java's toString of each TypedBytesWritable; launch-local writes typedbytes output as SequenceFiles");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        _text = format.Codec is null ? _file : HadoopCodecs.Compress(format.Codec, _file, leaveOpen: true);
    }

    public string Path { get; }

    /// <summary>Pairs written.</summary>
    public long Records { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Records++;
        if (_sequence is not null)
        {
            // A NullWritable value has no bytes, whatever the task wrote after its key.
            _sequence.Append(key, _io == WireFormat.KeyOnlyText ? default : value);
            return;
        }
        if (_io != WireFormat.Text)
        {
            AddOther(key, value);
            return;
        }
        var length = key.Length + value.Length + _separator.Length + 1;
        if (_buffer.Length - _used < length)
        {
            Drain();
            if (length > _buffer.Length)
            {
                _text!.Write(key);
                _text.Write(_separator);
                _text.Write(value);
                _text.Write("\n"u8);
                return;
            }
        }
        var span = _buffer.AsSpan(_used, length);
        key.CopyTo(span);
        if (_separator.Length == 1) span[key.Length] = _separator[0];
        else _separator.CopyTo(span[key.Length..]);
        value.CopyTo(span[(key.Length + _separator.Length)..]);
        span[^1] = (byte)'\n';
        _used += length;
    }

    // keyonlytext: the key alone (LineRecordWriter skips a NullWritable value and its separator); rawbytes: BytesWritable.toString of each.
    private void AddOther(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (_io == WireFormat.KeyOnlyText)
        {
            Put(key);
        }
        else
        {
            PutHex(key);
            Put(_separator);
            PutHex(value);
        }
        Put("\n"u8);
    }

    private void PutHex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digits = stackalloc byte[3];
        for (var i = 0; i < bytes.Length; i++)
        {
            digits[0] = (byte)' ';
            digits[1] = (byte)"0123456789abcdef"[bytes[i] >> 4];
            digits[2] = (byte)"0123456789abcdef"[bytes[i] & 15];
            Put(i == 0 ? digits[1..] : digits);
        }
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _used < bytes.Length)
        {
            Drain();
            if (bytes.Length > _buffer.Length)
            {
                _text!.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Finishes the file (a compressed one with its codec's trailer).</summary>
    public void Complete()
    {
        if (_sequence is not null) _sequence.Complete();
        else
        {
            Drain();
            if (_text != _file) _text!.Dispose();
            _file!.Flush();
        }
    }

    private void Drain()
    {
        _text!.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose()
    {
        if (_text != _file) _text?.Dispose();
        _file?.Dispose();
        _sequence?.Dispose();
    }
}
