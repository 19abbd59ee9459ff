using System.Buffers.Binary;
using System.Text;

namespace Hdnr.Cli.Tests;

/// <summary>With Hadoop's <c>-io typedbytes</c>, tasks read and write typedbytes streams.</summary>
public sealed class TypedBytesTaskTests
{
    private static readonly Dictionary<string, string?> TypedBytesMap = new()
    {
        ["stream_map_input"] = "typedbytes",
        ["stream_map_output"] = "typedbytes",
    };

    [Fact]
    public void Map_reads_what_hadoop_gives_a_typedbytes_mapper_over_a_text_file()
    {
        var input = File.ReadAllBytes(Path.Combine(Hdnr.RepoRoot, "tests", "fixtures", "j3.map-stdin.tb"));

        var result = Hdnr.Run(["wc.csx", "map"], input, environment: TypedBytesMap);

        Assert.Equal(0, result.ExitCode);
        var words = "hello world key value with tab héllo ☃ crlf line last line no newline".Split(' ');
        Assert.Equal(Pairs(words.Select(w => (w, 1))), result.StdoutBytes);
    }

    [Fact]
    public void The_io_option_selects_typedbytes_without_hadoops_environment()
    {
        var input = File.ReadAllBytes(Path.Combine(Hdnr.RepoRoot, "tests", "fixtures", "j3.map-stdin.tb"));

        var result = Hdnr.Run(["wc.csx", "map", "--io", "typedbytes"], input);

        Assert.Equal(0, result.ExitCode);
        var firstTwo = Pairs([("hello", 1), ("world", 1)]);
        Assert.Equal(firstTwo, result.StdoutBytes.Take(firstTwo.Length).ToArray());
    }

    [Fact]
    public void Reduce_groups_consecutive_equal_typedbytes_keys()
    {
        var input = Pairs([("a", 1), ("a", 2), ("b", 5)]);

        var result = Hdnr.Run(["wc.csx", "reduce", "--io", "typedbytes"], input);

        Assert.Equal(Pairs([("a", 3), ("b", 5)]), result.StdoutBytes);
    }

    private static byte[] Pairs(IEnumerable<(string Key, int Value)> pairs)
    {
        var bytes = new List<byte>();
        foreach (var (key, value) in pairs)
        {
            var utf8 = Encoding.UTF8.GetBytes(key);
            bytes.Add(7);
            bytes.AddRange(BigEndian(utf8.Length));
            bytes.AddRange(utf8);
            bytes.Add(3);
            bytes.AddRange(BigEndian(value));
        }
        return bytes.ToArray();
    }

    private static byte[] BigEndian(int value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, value);
        return b;
    }
}
