using System.Runtime.CompilerServices;

namespace Hdnr.Runtime.Wire;

/// <summary>Where a text line ends, by the rule of Hadoop's LineReader: at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, none of them part of the line.</summary>
/// <remarks>
/// The one implementation of the rule: the reader of a task's stdin and of a text split (<see cref="TextRecordReader"/>),
/// the split boundaries (<c>LineBoundaries</c>) and the parser of a task's output (<see cref="TaskOutputParser"/>) all
/// ask it. A <c>\r</c> that is the last byte seen so far ends a line only once the next byte (not <c>\n</c>) or the
/// end of the input is known, so a <c>\r\n</c> cut between two reads stays one line end.
/// </remarks>
public static class LineEnd
{
    /// <summary>The length of the first line of <paramref name="data"/> and, in <paramref name="consumed"/>, that length with its end; -1 (and 0) when <paramref name="data"/> holds no decided line end.</summary>
    /// <param name="data">Bytes starting at a line's first byte.</param>
    /// <param name="more">True when more input may follow <paramref name="data"/>, which leaves a last <c>\r</c> undecided.</param>
    /// <param name="consumed">The bytes the line and its end take.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find(ReadOnlySpan<byte> data, bool more, out int consumed)
    {
        var end = data.IndexOfAny((byte)'\n', (byte)'\r');
        if (end < 0 || data[end] == (byte)'\n')
        {
            consumed = end + 1;
            return end;
        }
        if (end + 1 < data.Length)
        {
            consumed = data[end + 1] == (byte)'\n' ? end + 2 : end + 1;
            return end;
        }
        if (more)
        {
            consumed = 0;
            return -1;
        }
        consumed = end + 1;
        return end;
    }
}
