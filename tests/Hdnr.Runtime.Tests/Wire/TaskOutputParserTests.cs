using System.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Wire;

/// <summary>A task's text output is read back into pairs as Hadoop's TextOutputReader reads it, however the task's writes cut it.</summary>
public sealed class TaskOutputParserTests
{
    [Fact]
    public void Lines_end_at_lf_crlf_or_a_lone_cr_wherever_a_write_ends()
    {
        var output = "a\t1\r\nb\t2\rc\n\r\nd\te\tf\rlast\r"u8.ToArray();
        (string, string)[] expected = [("a", "1"), ("b", "2"), ("c", ""), ("", ""), ("d", "e\tf"), ("last", "")];
        // Two writes cut at every byte: a \r last in the first with its \n first in the second among them.
        for (var cut = 0; cut <= output.Length; cut++)
        {
            var pairs = new Pairs();
            var parser = new TaskOutputParser(pairs, WireFormat.Text);
            parser.Write(output.AsSpan(0, cut));
            parser.Write(output.AsSpan(cut));
            parser.Complete();
            Assert.Equal(expected, pairs.Seen);
        }
    }

    [Fact]
    public void A_cr_last_in_a_write_waits_for_the_next_write_or_the_tasks_end()
    {
        var pairs = new Pairs();
        var parser = new TaskOutputParser(pairs, WireFormat.Text);

        parser.Write("a\t1\r"u8);
        Assert.Empty(pairs.Seen);
        parser.Complete();

        Assert.Equal([("a", "1")], pairs.Seen);
    }

    private sealed class Pairs : IPairSink
    {
        public List<(string, string)> Seen { get; } = [];

        public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Seen.Add((Encoding.UTF8.GetString(key), Encoding.UTF8.GetString(value)));
    }
}
