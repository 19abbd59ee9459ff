namespace Hdnr.Cli.Tests;

/// <summary>Input that is not UTF-8 passes through hdnr as Hadoop passes it through a streaming job: byte for byte, in every path, and counted.</summary>
public sealed class NotUtf8Tests
{
    // "café" in Latin-1 and "cafè" in Latin-1: as U+FFFD both would be "caf\uFFFD" and count as one word.
    private static readonly byte[] Input = [.. "caf"u8, 0xE9, (byte)'\n', .. "caf"u8, 0xE8, (byte)' ', .. "caf"u8, 0xE9, (byte)'\n'];

    private static readonly byte[] Counted = [.. "caf"u8, 0xE8, .. "\t1\n"u8, .. "caf"u8, 0xE9, .. "\t2\n"u8];

    [Fact]
    public void Map_sort_reduce_keeps_two_keys_that_differ_only_in_latin1_bytes_with_their_bytes()
    {
        var map = Hdnr.Run(["wc.csx", "map"], Input);
        Assert.True(map.ExitCode == 0, map.ToString());
        Assert.Equal([.. "caf"u8, 0xE9, .. "\t1\n"u8, .. "caf"u8, 0xE8, .. "\t1\n"u8, .. "caf"u8, 0xE9, .. "\t1\n"u8], map.StdoutBytes);
        Assert.Equal(2, CounterTotal(map.Stderr, "hdnr,Map input records not valid UTF-8"));

        var sorted = Split(map.StdoutBytes).OrderBy(line => line, ByteOrder.Instance).SelectMany(line => (byte[])[.. line, (byte)'\n']).ToArray();
        var reduce = Hdnr.Run(["wc.csx", "reduce"], sorted);

        Assert.True(reduce.ExitCode == 0, reduce.ToString());
        Assert.Equal(Counted, reduce.StdoutBytes);
        Assert.Equal(3, CounterTotal(reduce.Stderr, "hdnr,Reduce input records not valid UTF-8"));
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Launch_local_keeps_the_keys_apart_and_shows_the_counters(string isolation)
    {
        var input = Path.Combine(Directory.CreateTempSubdirectory("hdnr-latin1-").FullName, "latin1.txt");
        File.WriteAllBytes(input, Input);
        var output = Path.Combine(Directory.CreateTempSubdirectory("hdnr-latin1-out-").FullName, "out");

        var run = Hdnr.Run(["wc.csx", "launch-local", input, output, "--isolation", isolation]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Counted, File.ReadAllBytes(Path.Combine(output, "part-00000")));
        // wc.csx combines: its map reads 2 such records and combines its 3 words into 2 pairs itself, so Hadoop's
        // combiner reads 2 such records, and its reduce the 2 the combiner left.
        Assert.Contains("\thdnr\n\t\tCombine input records not valid UTF-8=2\n\t\tIn-mapper combine input records=3\n\t\tIn-mapper combine output records=2\n\t\tMap input records not valid UTF-8=2\n\t\tMap spills=1\n\t\tReduce input records not valid UTF-8=2\n", run.Stderr);
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Random_binary_input_round_trips_byte_for_byte_through_an_identity_map(string isolation)
    {
        var script = TempScript.Write("""
            /// Each line as the key, with an empty value.
            IEnumerable<(string, string)> Map(long offset, string line)
            {
                yield return (line, "");
            }
            """, "identity.csx");
        var random = new Random(7);
        var bytes = new byte[1 << 20];
        random.NextBytes(bytes);
        // Hadoop's line reader ends a line at \r too; with no \r a line's bytes are all its own.
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r') bytes[i] = (byte)'\n';
        }
        bytes[^1] = (byte)'\n';
        var input = Path.Combine(Directory.CreateTempSubdirectory("hdnr-binary-").FullName, "binary.dat");
        File.WriteAllBytes(input, bytes);
        var output = Path.Combine(Directory.CreateTempSubdirectory("hdnr-binary-out-").FullName, "out");

        var map = Hdnr.Run([script.Path, "map"], bytes);
        var run = Hdnr.Run([script.Path, "launch-local", input, output, "--isolation", isolation]);

        var expected = bytes.SelectMany(b => b == '\n' ? "\t\n"u8.ToArray() : [b]).ToArray();
        Assert.True(map.ExitCode == 0, map.ToString());
        Assert.Equal(expected, map.StdoutBytes);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(output, "part-00000")));
    }

    [Fact]
    public void A_byte_array_map_gets_each_lines_bytes_exactly()
    {
        var script = TempScript.Write("""
            /// The bytes of each line in hex.
            IEnumerable<(long, string)> Map(long offset, byte[] line)
            {
                yield return (offset, Convert.ToHexString(line));
            }
            """, "hex.csx");

        var map = Hdnr.Run([script.Path, "map"], [0xFF, 0x00, 0xE9, (byte)'\t', (byte)'\n', .. "QUJD\n"u8]);

        Assert.True(map.ExitCode == 0, map.ToString());
        Assert.Equal("0\tFF00E909\n5\t51554A44\n", map.Stdout);
    }

    private static List<byte[]> Split(byte[] output)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (output[i] != '\n') continue;
            lines.Add(output[start..i]);
            start = i + 1;
        }
        return lines;
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    /// <summary>The sum of a task's <c>reporter:counter:</c> lines for one counter; a task reports at most once a second, so a slow run may report a count in several lines. Any other line fails.</summary>
    private static long CounterTotal(string stderr, string counter)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith($"reporter:counter:{counter},", line));
        return lines.Sum(line => long.Parse(line[(line.LastIndexOf(',') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
