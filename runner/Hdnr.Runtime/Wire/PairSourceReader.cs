namespace Hdnr.Runtime.Wire;

/// <summary>Reads a reduce or combine task's input straight from an in-process source, with the records and byte offsets the same pairs would have as a stream.</summary>
/// <remarks>
/// In text, a pair would be the line <c>key TAB value \n</c>; its key holds no tab or line end and its value no line
/// end (they came out of Hadoop's output reader), so the line reader would give back exactly the key and value. With
/// other key fields or another reduce input separator, the line <c>key SEPARATOR value</c> is cut by the same rule the
/// stream's reader uses (<see cref="KeyFields.KeyEnd(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>), so both isolations
/// give the task the same records.
/// </remarks>
internal sealed class PairSourceReader(IPairSource source, TaskIo io) : RecordReader(Stream.Null, new byte[1 << 12], 0)
{
    private readonly int _framing = io.Input switch { WireFormat.Text => 1 + io.InputSeparator.Length, WireFormat.KeyOnlyText => 1, WireFormat.RawBytes => 8, _ => 0 };
    private readonly bool _cut = io.Input == WireFormat.Text && !io.DefaultInputSplit;
    private long _next;

    private readonly IGroupedPairSource? _grouped = source as IGroupedPairSource;

    public override bool Next()
    {
        if (!source.Next(out var key, out var value)) return false;
        Offset = _next;
        _next += key.Length + value.Length + _framing;
        if (_cut)
        {
            Cut(key, value);
            return true;
        }
        // A record is read from the reader's own buffer; a word or two of copying, and the key only when it changed.
        KeyRepeats = Record > 0 && _grouped is { KeyRepeats: true };
        Record++;
        if (!KeyRepeats)
        {
            if (Buffer.Length < key.Length) Buffer = new byte[Math.Max(key.Length * 2, Buffer.Length)];
            key.CopyTo(Buffer);
            KeyLength = key.Length;
        }
        if (Buffer.Length < KeyLength + value.Length) Array.Resize(ref Buffer, Math.Max(KeyLength + value.Length, Buffer.Length * 2));
        value.CopyTo(Buffer.AsSpan(KeyLength));
        KeyStart = 0;
        ValueStart = KeyLength;
        ValueLength = value.Length;
        return true;
    }

    // The record as the stream's reader would cut the line key, separator, value.
    private void Cut(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Record++;
        KeyRepeats = false;
        var separator = io.InputSeparator.Span;
        var length = key.Length + separator.Length + value.Length;
        if (Buffer.Length < length) Buffer = new byte[Math.Max(length, Buffer.Length * 2)];
        key.CopyTo(Buffer);
        separator.CopyTo(Buffer.AsSpan(key.Length));
        value.CopyTo(Buffer.AsSpan(key.Length + separator.Length));
        var line = Buffer.AsSpan(0, length);
        var end = io.InputFields.KeyEnd(line, separator);
        KeyStart = 0;
        KeyLength = end < 0 ? length : end;
        ValueStart = end < 0 ? length : end + separator.Length;
        ValueLength = length - ValueStart;
    }
}
