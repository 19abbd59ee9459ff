namespace Hdnr.Runtime.Tasks;

/// <summary>Reads a reduce or combine task's input straight from an in-process source, with the records and byte offsets the same pairs would have as a stream.</summary>
/// <remarks>
/// In text, a pair would be the line <c>key TAB value \n</c>; its key holds no tab or line end and its value no line
/// end (they came out of Hadoop's output reader), so the line reader would give back exactly the key and value.
/// </remarks>
internal sealed class PairSourceReader(IPairSource source, WireFormat format) : RecordReader(Stream.Null, 1 << 12)
{
    private readonly int _framing = format == WireFormat.Text ? 2 : 0;
    private long _next;

    public override bool Next()
    {
        if (!source.Next(out var key, out var value)) return false;
        Record++;
        Offset = _next;
        _next += key.Length + value.Length + _framing;
        // A record is read from the reader's own buffer; a word or two of copying.
        var length = key.Length + value.Length;
        if (Buffer.Length < length) Buffer = new byte[Math.Max(length, Buffer.Length * 2)];
        key.CopyTo(Buffer);
        value.CopyTo(Buffer.AsSpan(key.Length));
        KeyStart = 0;
        KeyLength = key.Length;
        ValueStart = key.Length;
        ValueLength = value.Length;
        return true;
    }
}
