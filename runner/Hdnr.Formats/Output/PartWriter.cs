using System.Runtime.CompilerServices;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.Wire;

namespace Hdnr.Formats.Output;

/// <summary>Writes a task's pairs to its part file: <c>key TAB value \n</c> as Hadoop's TextOutputFormat (the tab even for an empty value), or a SequenceFile of TypedBytesWritable as SequenceFileOutputFormat does for <c>-io typedbytes</c>.</summary>
public sealed class PartWriter : IPairSink, IDisposable
{
    private readonly FileStream? _text;
    private readonly SequenceFileWriter? _sequence;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public PartWriter(string path, WireFormat format)
    {
        Path = path;
        if (format == WireFormat.TypedBytes) _sequence = SequenceFileWriter.Create(path);
        else _text = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
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
            _sequence.Append(key, value);
            return;
        }
        var length = key.Length + value.Length + 2;
        if (_buffer.Length - _used < length)
        {
            Drain();
            if (length > _buffer.Length)
            {
                _text!.Write(key);
                _text.Write("\t"u8);
                _text.Write(value);
                _text.Write("\n"u8);
                return;
            }
        }
        var span = _buffer.AsSpan(_used, length);
        key.CopyTo(span);
        span[key.Length] = (byte)'\t';
        value.CopyTo(span[(key.Length + 1)..]);
        span[^1] = (byte)'\n';
        _used += length;
    }

    /// <summary>Finishes the file.</summary>
    public void Complete()
    {
        if (_sequence is not null) _sequence.Complete();
        else
        {
            Drain();
            _text!.Flush();
        }
    }

    private void Drain()
    {
        _text!.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose()
    {
        _text?.Dispose();
        _sequence?.Dispose();
    }
}
