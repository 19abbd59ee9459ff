using System.Runtime.CompilerServices;

namespace Hdnr.Runtime.Wire;

/// <summary>Turns the bytes a streaming task writes back into pairs, as Hadoop's TextOutputReader, KeyOnlyTextOutputReader, RawBytesOutputReader and TypedBytesOutputReader do.</summary>
/// <remarks>
/// Text: lines end as Hadoop's LineReader ends them (<see cref="LineEnd"/>); the key is the text before the first tab (or
/// the task's <see cref="KeyFields"/>) and the value the rest; a line without one is all key with an empty value.
/// Keyonlytext: each whole line is a key, with an empty value. Rawbytes: a 4-byte big-endian length and that many bytes,
/// for the key, then the value. Typed bytes: a key value, then a value value.
/// </remarks>
public sealed class TaskOutputParser(IPairSink sink, WireFormat format, KeyFields? fields = null) : Stream
{
    private readonly KeyFields? _fields = fields is { IsDefault: false } ? fields : null;

    private byte[] _carry = new byte[1 << 16];
    private int _carried;

    /// <summary>Parses the pairs in <paramref name="buffer"/>, keeping an unfinished last one for the next write.</summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_carried == 0)
        {
            var used = Parse(buffer, final: false);
            Carry(buffer[used..]);
            return;
        }
        Carry(buffer);
        var consumed = Parse(_carry.AsSpan(0, _carried), final: false);
        _carry.AsSpan(consumed, _carried - consumed).CopyTo(_carry);
        _carried -= consumed;
    }

    /// <summary>Parses what is left when the task has ended: a last line without its end is a line.</summary>
    /// <exception cref="InvalidDataException">Typed bytes output ended inside a pair.</exception>
    public void Complete()
    {
        if (_carried == 0) return;
        var consumed = Parse(_carry.AsSpan(0, _carried), final: true);
        if (consumed != _carried)
            throw new InvalidDataException($"the task's {TaskIo.Name(format)} output ends inside a pair ({_carried - consumed} bytes left over)");
        _carried = 0;
    }

    private void Carry(ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty) return;
        if (_carry.Length - _carried < rest.Length) Array.Resize(ref _carry, Math.Max(_carry.Length * 2, _carried + rest.Length));
        rest.CopyTo(_carry.AsSpan(_carried));
        _carried += rest.Length;
    }

    private int Parse(ReadOnlySpan<byte> data, bool final) => format switch
    {
        WireFormat.TypedBytes => ParseTypedBytes(data),
        WireFormat.RawBytes => ParseRawBytes(data),
        _ => ParseText(data, final),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseText(ReadOnlySpan<byte> data, bool final)
    {
        var used = 0;
        while (used < data.Length)
        {
            var rest = data[used..];
            var end = LineEnd.Find(rest, more: !final, out var consumed);
            if (end < 0)
            {
                // No decided line end yet: the rest waits for the next write, or is the last line when the task has ended.
                if (!final) break;
                end = consumed = rest.Length;
            }
            var line = rest[..end];
            var tab = format == WireFormat.KeyOnlyText ? -1 : _fields is null ? line.IndexOf((byte)'\t') : _fields.KeyEnd(line);
            if (tab < 0) sink.Add(line, default);
            else sink.Add(line[..tab], line[(tab + (_fields is null ? 1 : _fields.Separator.Length))..]);
            used += consumed;
        }
        return used;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseTypedBytes(ReadOnlySpan<byte> data)
    {
        var used = 0;
        while (used < data.Length)
        {
            var rest = data[used..];
            var keyLength = TypedBytesRecordLength.Measure(rest);
            if (keyLength == 0) break;
            var valueLength = TypedBytesRecordLength.Measure(rest[keyLength..]);
            if (valueLength == 0) break;
            sink.Add(rest[..keyLength], rest.Slice(keyLength, valueLength));
            used += keyLength + valueLength;
        }
        return used;
    }

    private int ParseRawBytes(ReadOnlySpan<byte> data)
    {
        var used = 0;
        while (data.Length - used >= 8)
        {
            var rest = data[used..];
            var keyLength = RawLength(rest, "key");
            if (rest.Length < 8L + keyLength) break;
            var valueLength = RawLength(rest[(4 + keyLength)..], "value");
            if (rest.Length - 8L - keyLength < valueLength) break;
            sink.Add(rest.Slice(4, keyLength), rest.Slice(8 + keyLength, valueLength));
            used += 8 + keyLength + valueLength;
        }
        return used;
    }

    private static int RawLength(ReadOnlySpan<byte> data, string role)
    {
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(data);
        return length >= 0 ? length : throw new InvalidDataException($"the task's rawbytes output gives a {role} a negative length ({length})");
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
}
