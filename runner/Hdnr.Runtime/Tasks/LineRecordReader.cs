namespace Hdnr.Runtime.Tasks;

/// <summary>Reads text records: a map's lines, or a reduce's <c>key TAB value</c> lines.</summary>
/// <remarks>
/// A line ends at <c>\n</c>; a <c>\r</c> just before it (or before the end of the input) is part of the end, as in
/// Hadoop's LineReader. With <c>splitAtTab</c> the key is the text before the first tab and the value the rest;
/// a line without a tab is all key with an empty value, which is Hadoop streaming's rule.
/// </remarks>
internal sealed class LineRecordReader : RecordReader
{
    private readonly Stream _input;
    private readonly bool _splitAtTab;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;

    public LineRecordReader(Stream input, bool splitAtTab, int size = 1 << 20)
    {
        _input = input;
        _splitAtTab = splitAtTab;
        Buffer = new byte[size];
    }

    public override bool Next()
    {
        while (true)
        {
            var pending = Buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Take(newline, newline + 1);
                return true;
            }
            if (_eof)
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
        if (length > 0 && Buffer[_start + length - 1] == (byte)'\r') length--;
        Record++;
        Offset = _bufferOffset + _start;
        if (_splitAtTab)
        {
            var tab = Buffer.AsSpan(_start, length).IndexOf((byte)'\t');
            KeyStart = _start;
            KeyLength = tab < 0 ? length : tab;
            ValueStart = tab < 0 ? _start + length : _start + tab + 1;
            ValueLength = tab < 0 ? 0 : length - tab - 1;
        }
        else
        {
            KeyStart = _start;
            KeyLength = 0;
            ValueStart = _start;
            ValueLength = length;
        }
        _start += consumed;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            // Keep the unfinished line at the front so the buffer only grows for lines longer than itself.
            Buffer.AsSpan(_start, _end - _start).CopyTo(Buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == Buffer.Length) Array.Resize(ref Buffer, Buffer.Length * 2);
        var read = _input.Read(Buffer, _end, Buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }
}
