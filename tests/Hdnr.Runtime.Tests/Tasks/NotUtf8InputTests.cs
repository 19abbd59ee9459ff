using System.Buffers.Binary;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Tasks;

/// <summary>Input bytes that are not UTF-8 reach the output unchanged, as Hadoop passes them, and are counted.</summary>
public sealed class NotUtf8InputTests
{
    private const string WordCount = """
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                yield return (word, 1);
        }

        IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
        {
            yield return (word, counts.Sum());
        }
        """;

    private static readonly byte[] Cafe1 = [.. "caf"u8, 0xE9];
    private static readonly byte[] Cafe2 = [.. "caf"u8, 0xE8];

    [Fact]
    public void A_map_writes_back_the_bytes_it_read_and_counts_the_records_that_held_them()
    {
        var reporter = new RecordingReporter();

        var output = Scripts.Run(Scripts.Job(WordCount, reporter), TaskKind.Map, TaskIo.Text, [.. Cafe1, (byte)'\n', .. "ok "u8, .. Cafe2, (byte)' ', .. Cafe1, (byte)'\n', .. "plain\n"u8]);

        Assert.Equal([.. Cafe1, .. "\t1\nok\t1\n"u8, .. Cafe2, .. "\t1\n"u8, .. Cafe1, .. "\t1\nplain\t1\n"u8], output);
        Assert.Equal(["counter hdnr/Map input records not valid UTF-8 1", "counter hdnr/Map input records not valid UTF-8 1"], reporter.Reports);
    }

    [Fact]
    public void A_reduce_keeps_keys_that_differ_only_in_such_bytes_apart_and_counts_each_of_their_records()
    {
        var reporter = new RecordingReporter();

        var output = Scripts.Run(Scripts.Job(WordCount, reporter), TaskKind.Reduce, TaskIo.Text, [.. Cafe2, .. "\t1\n"u8, .. Cafe1, .. "\t1\n"u8, .. Cafe1, .. "\t1\nok\t1\n"u8]);

        Assert.Equal([.. Cafe2, .. "\t1\n"u8, .. Cafe1, .. "\t2\nok\t1\n"u8], output);
        Assert.Equal(3, reporter.Reports.Count(r => r == "counter hdnr/Reduce input records not valid UTF-8 1"));
        Assert.Equal(3, reporter.Reports.Count);
    }

    [Fact]
    public void A_reduce_counts_a_value_that_held_such_bytes()
    {
        var reporter = new RecordingReporter();
        var job = Scripts.Job("""IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values) => [(key, string.Join(",", values))];""", reporter);

        var output = Scripts.Run(job, TaskKind.Reduce, TaskIo.Text, [.. "k\ta\nk\t"u8, .. Cafe1, .. "\nk\tb\n"u8]);

        Assert.Equal([.. "k\ta,"u8, .. Cafe1, .. ",b\n"u8], output);
        Assert.Equal(["counter hdnr/Reduce input records not valid UTF-8 1"], reporter.Reports);
    }

    [Fact]
    public void Valid_utf8_input_counts_nothing()
    {
        var reporter = new RecordingReporter();

        Scripts.Run(Scripts.Job(WordCount, reporter), TaskKind.Map, TaskIo.Text, "héllo ☃ wörld\n"u8.ToArray());

        Assert.Empty(reporter.Reports);
    }

    [Fact]
    public void A_byte_array_map_gets_the_lines_bytes_exactly()
    {
        var job = Scripts.Job("""IEnumerable<(long, string)> Map(long offset, byte[] line) => [(offset, Convert.ToHexString(line))];""");

        var output = Scripts.Run(job, TaskKind.Map, TaskIo.Text, [0xFF, 0x00, 0xE9, (byte)'\t', (byte)'\n', .. "QUJD\n"u8]);

        Assert.Equal("0\tFF00E909\n5\t51554A44\n"u8.ToArray(), output);
    }

    [Fact]
    public void Random_binary_lines_round_trip_byte_for_byte_through_an_identity_map()
    {
        var random = new Random(20);
        var input = new byte[200_000];
        random.NextBytes(input);
        // A \r ends a line too (Hadoop's LineReader), so none is kept: every line ends at \n.
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == '\r') input[i] = (byte)'\n';
        }
        input[^1] = (byte)'\n';
        var job = Scripts.Job("""IEnumerable<(string, string)> Map(long offset, string line) => [(line, "")];""");

        var output = Scripts.Run(job, TaskKind.Map, TaskIo.Text, input);

        // Each line comes back as the key, with an empty value: the line, a tab, the line end.
        Assert.Equal(input.SelectMany(b => b == '\n' ? "\t\n"u8.ToArray() : [b]).ToArray(), output);
    }

    [Fact]
    public void A_typedbytes_string_that_is_not_utf8_goes_out_with_its_bytes()
    {
        var reporter = new RecordingReporter();
        var job = Scripts.Job("""IEnumerable<(string, long)> Map(long offset, string line) => [(line + "!", offset)];""", reporter);
        byte[] input = [4, 0, 0, 0, 0, 0, 0, 0, 9, 7, 0, 0, 0, 4, .. Cafe1];

        var output = Scripts.Run(job, TaskKind.Map, new TaskIo(WireFormat.TypedBytes, WireFormat.TypedBytes), input);

        Assert.Equal([7, 0, 0, 0, 5, .. Cafe1, (byte)'!', 4, 0, 0, 0, 0, 0, 0, 0, 9], output);
        Assert.Equal(["counter hdnr/Map input records not valid UTF-8 1"], reporter.Reports);
    }

    [Fact]
    public void A_long_typedbytes_string_that_is_not_utf8_keeps_its_length_and_bytes()
    {
        var job = Scripts.Job("""IEnumerable<(string, long)> Map(long offset, string line) => [(line, offset)];""");
        var text = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 7 == 0 ? 0xE9 : 'a' + (i % 26))).ToArray();
        var input = new byte[14 + text.Length];
        input[0] = 4;
        input[9] = 7;
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(10), text.Length);
        text.CopyTo(input, 14);

        var output = Scripts.Run(job, TaskKind.Map, new TaskIo(WireFormat.TypedBytes, WireFormat.TypedBytes), input);

        Assert.Equal(text.Length, BinaryPrimitives.ReadInt32BigEndian(output.AsSpan(1)));
        Assert.Equal(text, output.AsSpan(5, text.Length).ToArray());
    }
}
