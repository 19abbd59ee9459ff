using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Tasks;

/// <summary>A text-mode map: key = the line's byte offset, value = the line without its end; output <c>key TAB value\n</c>.</summary>
public sealed class TextMapTests
{
    private const string WordCount = """
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                yield return (word, 1);
        }
        """;

    private const string Echo = """IEnumerable<(long, string)> Map(long offset, string line) => [(offset, "[" + line + "]")];""";

    [Fact]
    public void Word_count_writes_one_pair_per_word()
    {
        Assert.Equal("the\t1\ncat\t1\nthe\t1\nhat\t1\n", Scripts.RunText(WordCount, TaskKind.Map, "the cat\nthe  hat\n"));
    }

    [Fact]
    public void A_map_that_returns_null_for_a_record_returns_no_pairs_for_it()
    {
        const string Odd = """IEnumerable<(string, int)> Map(long offset, string line) => line == "skip" ? null! : [(line, 1)];""";

        Assert.Equal("a\t1\nb\t1\n", Scripts.RunText(Odd, TaskKind.Map, "a\nskip\nb\n"));
    }

    [Fact]
    public void Keys_are_byte_offsets_of_the_lines_in_utf8()
    {
        Assert.Equal("0\t[héllo]\n7\t[x]\n", Scripts.RunText(Echo, TaskKind.Map, "héllo\nx\n"));
    }

    [Fact]
    public void Crlf_line_ends_are_not_part_of_the_line_but_count_in_offsets()
    {
        Assert.Equal("0\t[a]\n3\t[b]\n6\t[c]\n", Scripts.RunText(Echo, TaskKind.Map, "a\r\nb\r\nc"));
    }

    [Fact]
    public void A_lone_cr_ends_a_line_as_in_hadoops_line_reader_and_counts_in_offsets()
    {
        Assert.Equal("0\t[a]\n2\t[]\n3\t[b]\n6\t[c]\n", Scripts.RunText(Echo, TaskKind.Map, "a\r\rb\r\nc\r"));
    }

    [Fact]
    public void Empty_lines_are_records_and_a_last_line_needs_no_newline()
    {
        Assert.Equal("0\t[]\n1\t[a]\n3\t[]\n4\t[last]\n", Scripts.RunText(Echo, TaskKind.Map, "\na\n\nlast"));
    }

    [Fact]
    public void Empty_input_runs_map_zero_times()
    {
        Assert.Equal("", Scripts.RunText(Echo, TaskKind.Map, ""));
    }

    [Fact]
    public void Offsets_and_lines_match_what_hadoop_gave_a_typedbytes_mapper_for_the_same_file()
    {
        // j3.map-stdin.tb is what Hadoop fed a mapper for text-input.txt: the same offsets, the same lines.
        var text = File.ReadAllBytes(Scripts.Fixture("text-input.txt"));
        var output = System.Text.Encoding.UTF8.GetString(Scripts.Run(Scripts.Job(Echo), TaskKind.Map, TaskIo.Text, text));
        Assert.Equal("0\t[hello world]\n12\t[key\tvalue with tab]\n31\t[héllo ☃]\n42\t[]\n43\t[crlf line]\n54\t[last line no newline]\n", output);
    }

    [Fact]
    public void Lines_longer_than_the_read_buffer_arrive_whole()
    {
        var line = new string('x', 3_000_000);
        Assert.Equal($"0\t{line.Length}\n3000001\t1\n",
            Scripts.RunText("IEnumerable<(long, int)> Map(long o, string l) => [(o, l.Length)];", TaskKind.Map, line + "\ny\n"));
    }

    [Fact]
    public void The_value_can_be_declared_as_a_number()
    {
        Assert.Equal("x\t42\nx\t-14\n",
            Scripts.RunText("IEnumerable<(string, long)> Map(long o, int n) => [(\"x\", n * 2L)];", TaskKind.Map, "21\n-7\n"));
    }

    [Fact]
    public void Static_functions_and_KeyValuePair_results_work_too()
    {
        Assert.Equal("a\t1\n",
            Scripts.RunText("static KeyValuePair<string, int>[] Map(long o, string l) => [new(l, 1)];", TaskKind.Map, "a\n"));
    }

    [Fact]
    public void A_null_sequence_writes_nothing()
    {
        Assert.Equal("", Scripts.RunText("IEnumerable<(string, int)> Map(long o, string l) => null;", TaskKind.Map, "a\nb\n"));
    }
}
