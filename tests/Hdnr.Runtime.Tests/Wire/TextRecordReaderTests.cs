using System.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Wire;

/// <summary>The reader of a task's stdin and of a text split: lines end as Hadoop's LineReader ends them however the input arrives; a byte order mark is dropped only at a file's offset 0.</summary>
public sealed class TextRecordReaderTests
{
    private const string Mixed = "a\r\nb\rc\n\nd\r\re\r\n\r\nlast\r";

    private static readonly (long Offset, string Line)[] MixedLines =
        [(0, "a"), (3, "b"), (5, "c"), (7, ""), (8, "d"), (10, ""), (11, "e"), (14, ""), (16, "last")];

    [Fact]
    public void Each_line_end_cut_between_two_reads_ends_the_line_once()
    {
        var bytes = Encoding.UTF8.GetBytes(Mixed);
        // Reads of every size from 1 byte put each \r as the last byte of some read with its \n first in the next.
        for (var chunk = 1; chunk <= bytes.Length; chunk++)
            Assert.Equal(MixedLines, Lines(new TextRecordReader(new NonSeekableStream(bytes, chunk), splitAtTab: false)));
    }

    [Fact]
    public void A_cr_last_in_a_full_buffer_waits_for_the_next_read_to_end_its_line()
    {
        // A 4-byte buffer full up to a \r: the \n after it comes only once the buffer has grown and read again.
        var reader = new TextRecordReader(new MemoryStream("abc\r\nd"u8.ToArray()), splitAtTab: false, size: 4);

        Assert.Equal([(0L, "abc"), (5L, "d")], Lines(reader));
    }

    [Fact]
    public void Reduce_lines_split_at_their_first_tab_whatever_ends_them()
    {
        var reader = new TextRecordReader(new NonSeekableStream("k\tv\tw\r\nk2\rnotab\n\tv"u8.ToArray(), 2), splitAtTab: true);

        var records = new List<(string, string)>();
        while (reader.Next()) records.Add((Encoding.UTF8.GetString(reader.Key), Encoding.UTF8.GetString(reader.Value)));

        Assert.Equal([("k", "v\tw"), ("k2", ""), ("notab", ""), ("", "v")], records);
    }

    [Fact]
    public void A_file_read_from_offset_0_drops_a_byte_order_mark_and_keeps_its_offset()
    {
        var reader = new TextRecordReader(new MemoryStream("\uFEFFhi\r\n\uFEFFthere"u8.ToArray()), firstOffset: 0, buffer: new byte[16]);

        Assert.Equal([(0L, "hi"), (7L, "\uFEFFthere")], Lines(reader));
    }

    [Fact]
    public void A_file_read_from_a_later_offset_keeps_a_byte_order_mark_and_counts_file_offsets()
    {
        var reader = new TextRecordReader(new MemoryStream("\uFEFFhi\nx"u8.ToArray()), firstOffset: 100, buffer: new byte[16]);

        Assert.Equal([(100L, "\uFEFFhi"), (106L, "x")], Lines(reader));
    }

    [Fact]
    public void Stdin_keeps_a_byte_order_mark_as_hadoop_hands_it_to_a_task_whose_split_starts_with_one()
    {
        var reader = new TextRecordReader(new MemoryStream("\uFEFFhi\n"u8.ToArray()), splitAtTab: false);

        Assert.Equal([(0L, "\uFEFFhi")], Lines(reader));
    }

    [Fact]
    public void The_buffer_comes_back_grown_when_a_line_outgrew_it()
    {
        var line = new string('x', 100);
        var reader = new TextRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n")), firstOffset: 0, buffer: new byte[16]);

        Assert.Equal([(0L, line)], Lines(reader));
        Assert.True(reader.ReleaseBuffer().Length >= 101);
        Assert.False(reader.Next());
    }

    private static List<(long, string)> Lines(TextRecordReader reader)
    {
        var lines = new List<(long, string)>();
        while (reader.Next()) lines.Add((reader.Offset, Encoding.UTF8.GetString(reader.Value)));
        return lines;
    }
}
