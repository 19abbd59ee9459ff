using System.Runtime.CompilerServices;

namespace Hdnr.Runtime.Wire;

/// <summary>Reads text records: the lines of a map's stdin or of a text split, or a reduce's <c>key TAB value</c> lines.</summary>
/// <remarks>
/// Lines end where Hadoop's LineReader ends them (<see cref="LineEnd"/>). With <c>splitAtTab</c> (or a separator) the key is the text
/// before the first tab and the value the rest; a line without a tab is all key with an empty value, which is Hadoop
/// streaming's rule. Reading a file (a split), it is Hadoop's LineRecordReader as well: offsets are file offsets and a
/// UTF-8 byte order mark at file offset 0 is dropped (skipUtfByteOrderMark). Reading stdin it keeps such a mark, as
/// a streaming task on Hadoop gets it when a split's first line starts with one.
/// </remarks>
public sealed class TextRecordReader : RecordReader
{
    private readonly byte[]? _separator;
    private readonly bool _lineIsKey;
    private readonly bool _skipByteOrderMark;
    private readonly KeyFields? _fields;
    private readonly ReadOnlyMemory<byte> _fieldSeparator;

    /// <summary>Reads a task's stdin, whose first byte is offset 0.</summary>
    public TextRecordReader(Stream input, bool splitAtTab, int size = 1 << 20)
        : this(input, splitAtTab ? "\t"u8.ToArray() : null, size)
    {
    }

    /// <summary>Reads a task's stdin, whose first byte is offset 0, splitting each line at the first <paramref name="separator"/> when it is not null.</summary>
    /// <param name="lineIsKey">Each whole line is a key with an empty value, as Hadoop's keyonlytext writes records.</param>
    public TextRecordReader(Stream input, byte[]? separator, int size = 1 << 20, bool lineIsKey = false)
        : base(input, new byte[size], 0)
    {
        _separator = separator is { Length: > 0 } ? separator : null;
        _lineIsKey = lineIsKey;
    }

    /// <summary>Reads a reduce or combine task's stdin whose lines hold map output keys cut by <paramref name="fields"/>, then <paramref name="separator"/>, then the value (<see cref="KeyFields.KeyEnd(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>).</summary>
    public TextRecordReader(Stream input, KeyFields fields, ReadOnlyMemory<byte> separator)
        : this(input, splitAtTab: true)
    {
        _fields = fields;
        _fieldSeparator = separator;
    }

    /// <summary>Reads the lines of a file from <paramref name="firstOffset"/> (at a line start) into <paramref name="buffer"/>, which <see cref="RecordReader.ReleaseBuffer"/> hands back.</summary>
    public TextRecordReader(Stream input, long firstOffset, byte[] buffer)
        : base(input, buffer, firstOffset) => _skipByteOrderMark = true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Next()
    {
        while (true)
        {
            var pending = Buffer.AsSpan(Start, End - Start);
            var length = LineEnd.Find(pending, more: !Eof, out var consumed);
            if (length >= 0)
            {
                Take(length, consumed);
                return true;
            }
            if (Eof)
            {
                if (pending.IsEmpty) return false;
                Take(pending.Length, pending.Length);
                return true;
            }
            Fill();
        }
    }

    private void Take(int length, int consumed)
    {
        Record++;
        Offset = BufferOffset + Start;
        if (_fields is { } fields)
        {
            var line = Buffer.AsSpan(Start, length);
            var end = fields.KeyEnd(line, _fieldSeparator.Span);
            var skip = _fieldSeparator.Length;
            KeyStart = Start;
            KeyLength = end < 0 ? length : end;
            ValueStart = end < 0 ? Start + length : Start + end + skip;
            ValueLength = end < 0 ? 0 : length - end - skip;
        }
        else if (_separator is { } separator)
        {
            var at = separator.Length == 1 ? Buffer.AsSpan(Start, length).IndexOf(separator[0]) : Buffer.AsSpan(Start, length).IndexOf(separator);
            KeyStart = Start;
            KeyLength = at < 0 ? length : at;
            ValueStart = at < 0 ? Start + length : Start + at + separator.Length;
            ValueLength = at < 0 ? 0 : length - at - separator.Length;
        }
        else if (_lineIsKey)
        {
            KeyStart = Start;
            KeyLength = length;
            ValueStart = Start + length;
            ValueLength = 0;
        }
        else
        {
            KeyStart = Start;
            KeyLength = 0;
            ValueStart = Start;
            ValueLength = length;
            if (Offset == 0 && _skipByteOrderMark && Buffer.AsSpan(Start, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                ValueStart += 3;
                ValueLength -= 3;
            }
        }
        Start += consumed;
    }
}
