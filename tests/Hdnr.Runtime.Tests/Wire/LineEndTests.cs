using System.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Wire;

/// <summary>Hadoop's LineReader rule: a line ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>; a <c>\r</c> last in the bytes at hand waits for the next byte.</summary>
public sealed class LineEndTests
{
    [Theory]
    [InlineData("ab\ncd", true, 2, 3)]
    [InlineData("ab\r\ncd", true, 2, 4)]
    [InlineData("ab\rcd", true, 2, 3)]
    [InlineData("ab\r\rcd", true, 2, 3)]
    [InlineData("\n", true, 0, 1)]
    [InlineData("\r\n", true, 0, 2)]
    [InlineData("ab\n\r", true, 2, 3)]
    [InlineData("ab\r", false, 2, 3)]
    [InlineData("\r", false, 0, 1)]
    public void A_line_ends_at_lf_crlf_or_a_lone_cr(string data, bool more, int length, int consumed)
    {
        Assert.Equal((length, consumed), Find(data, more));
    }

    [Theory]
    [InlineData("ab\r")]
    [InlineData("\r")]
    public void A_cr_last_with_more_input_to_come_is_undecided(string data)
    {
        Assert.Equal((-1, 0), Find(data, more: true));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("", false)]
    [InlineData("abc", true)]
    [InlineData("abc\tdef", false)]
    public void Bytes_without_a_line_end_hold_no_line(string data, bool more)
    {
        Assert.Equal((-1, 0), Find(data, more));
    }

    private static (int Length, int Consumed) Find(string data, bool more)
    {
        var length = LineEnd.Find(Encoding.UTF8.GetBytes(data), more, out var consumed);
        return (length, consumed);
    }
}
