using System.Text;
using Hdnr.Formats.Input;

namespace Hdnr.Formats.Tests.Input;

/// <summary>A split boundary is where Hadoop's LineRecordReader starts a split's first line: just after the first line end (<c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>) at or after the split's start.</summary>
public sealed class LineBoundariesTests
{
    [Fact]
    public void A_boundary_at_every_position_is_the_first_line_start_after_it()
    {
        var text = Encoding.UTF8.GetBytes("a\r\nbb\rc\n\nd\r\re\r\n\r\nlast");
        // Lines start at 0 and after each line end; a \n right after a \r belongs to the \r's line end.
        long[] starts = [0, 3, 6, 8, 9, 11, 12, 15, 17];
        using var file = new MemoryStream(text);

        for (long position = 1; position < text.Length; position++)
            Assert.Equal(starts.Where(s => s > position).DefaultIfEmpty(text.Length).First(), LineBoundaries.Boundary(file, position, text.Length));
        Assert.Equal(0, LineBoundaries.Boundary(file, 0, text.Length));
        Assert.Equal(text.Length, LineBoundaries.Boundary(file, text.Length, text.Length));
    }

    [Theory]
    [InlineData("\r\nnext", 2)]
    [InlineData("\rnext", 1)]
    [InlineData("\r", 1)]
    [InlineData("\n", 1)]
    [InlineData("", 0)]
    public void A_line_end_cut_by_the_search_buffer_is_found_whole(string end, int endLength)
    {
        // The search reads 64 KiB at a time: the \r of the first line end is the last byte of the first read.
        var text = Encoding.UTF8.GetBytes("x" + new string('y', (1 << 16) - 1) + end);

        var boundary = LineBoundaries.Boundary(new MemoryStream(text), 1, text.Length);

        Assert.Equal(Math.Min(1 + (1 << 16) - 1 + endLength, text.Length), boundary);
    }
}
