namespace Hdnr.Runtime.Wire;

/// <summary>Reads text records: a map's lines, or a reduce's <c>key TAB value</c> lines.</summary>
/// <remarks>
/// A line ends at <c>\n</c>; a <c>\r</c> just before it (or before the end of the input) is part of the end, as in
/// Hadoop's LineReader. With <c>splitAtTab</c> the key is the text before the first tab and the value the rest;
/// a line without a tab is all key with an empty value, which is Hadoop streaming's rule.
/// </remarks>
internal sealed class LineRecordReader : RecordReader
{
    private readonly bool _splitAtTab;

    public LineRecordReader(Stream input, bool splitAtTab, int size = 1 << 20)
        : base(input, size) => _splitAtTab = splitAtTab;

    public override bool Next()
    {
        while (true)
        {
            var pending = Buffer.AsSpan(Start, End - Start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Take(newline, newline + 1);
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

    private void Take(int lineLength, int consumed)
    {
        var length = lineLength;
        if (length > 0 && Buffer[Start + length - 1] == (byte)'\r') length--;
        Record++;
        Offset = BufferOffset + Start;
        if (_splitAtTab)
        {
            var tab = Buffer.AsSpan(Start, length).IndexOf((byte)'\t');
            KeyStart = Start;
            KeyLength = tab < 0 ? length : tab;
            ValueStart = tab < 0 ? Start + length : Start + tab + 1;
            ValueLength = tab < 0 ? 0 : length - tab - 1;
        }
        else
        {
            KeyStart = Start;
            KeyLength = 0;
            ValueStart = Start;
            ValueLength = length;
        }
        Start += consumed;
    }
}
