using System.Text;

namespace Hdnr.Hadoop.Tests;

/// <summary>A native executable takes tuples, arrays, lists, dictionaries and the script's own classes and records as keys and values, runs MapStart and ReduceStart and gives the script its task's Context, writing exactly what <c>hdnr SCRIPT map|reduce</c> writes.</summary>
public sealed class FrozenCompositeTests(FrozenComposites frozen) : IClassFixture<FrozenComposites>
{
    private static readonly byte[] Lines = Encoding.UTF8.GetBytes("the cat sat\nthe dog ate the cake\n");

    [Fact]
    public void Native_freeze_takes_composite_keys_and_values_and_writes_hdnrs_bytes_in_text_and_typedbytes()
    {
        // The class Letter and the record Summary are written exactly as the tuples they stand for: ["t",3], [1,[...],{...}].
        Assert.True(frozen.Freeze.ExitCode == 0, frozen.Freeze.ToString());
        Assert.Matches(@"\(native(, reused)?\)", frozen.Freeze.Stderr);

        var map = Same(["map"], Lines);
        // MapStart ran once for the task: "the" is new on line 1 only, and line 2's words carry line 2's offset.
        Assert.StartsWith("[\"t\",3]\t{\"the\":[0,0,1]}\n[\"c\",3]\t{\"cat\":[0,1,1]}\n", map);
        Assert.Contains("[\"t\",3]\t{\"the\":[12,0,0]}\n", map);

        var grouped = string.Concat(map.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(l => l + "\n"));
        var reduce = Same(["reduce"], Encoding.UTF8.GetBytes(grouped));
        // ReduceStart set the group count to 0 before the first group; the dictionary's int key is written as its text.
        Assert.StartsWith("[\"ate\"]\t[1,[\"a\",\"3\"],{\"3\":true}]\n", reduce);
        Assert.Contains("[\"the\",\"the\",\"the\"]\t[", reduce);

        var typedMap = SameBytes(["map", "--io", "typedbytes"], TypedMapInput());
        Assert.Equal(0x08, typedMap[0]);
        SameBytes(["reduce", "--io", "typedbytes"], typedMap);
    }

    [Fact]
    public void A_native_executable_gives_the_script_the_context_hadoop_gives_its_task()
    {
        Assert.True(frozen.Freeze.ExitCode == 0, frozen.Freeze.ToString());
        var hadoop = new Dictionary<string, string?> { ["mapreduce_map_input_file"] = "file:/data/cat.txt", ["shapes_mark"] = "!" };

        var map = Same(["map"], Lines, hadoop);

        // The setting marks each key, and "cat", the input file's name, was seen before the first record.
        Assert.StartsWith("[\"t!\",3]\t{\"the\":[0,0,1]}\n[\"c!\",3]\t{\"cat\":[0,1,0]}\n", map);
    }

    /// <summary>Runs the frozen executable and hdnr on the same input, asserts both succeed with the same bytes, and returns the text.</summary>
    private string Same(string[] args, byte[] input, Dictionary<string, string?>? environment = null) =>
        Encoding.UTF8.GetString(SameBytes(args, input, environment));

    private byte[] SameBytes(string[] args, byte[] input, Dictionary<string, string?>? environment = null)
    {
        environment ??= [];
        var ours = frozen.Run(args, input, environment);
        var hdnrs = Hdnr.Run([frozen.Script, .. args], input, environment: environment);

        Assert.True(hdnrs.ExitCode == 0, hdnrs.ToString());
        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal(hdnrs.StdoutBytes, ours.StdoutBytes);
        Assert.NotEmpty(ours.StdoutBytes);
        return ours.StdoutBytes;
    }

    /// <summary>What Hadoop's -io typedbytes gives a mapper over <see cref="Lines"/>: (long offset, string line) pairs, written from the format's definition.</summary>
    private static byte[] TypedMapInput()
    {
        var bytes = new MemoryStream();
        long offset = 0;
        foreach (var line in Encoding.UTF8.GetString(Lines).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.WriteByte(4);
            bytes.Write(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(offset)));
            var utf8 = Encoding.UTF8.GetBytes(line);
            bytes.WriteByte(7);
            bytes.Write(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(utf8.Length)));
            bytes.Write(utf8);
            offset += utf8.Length + 1;
        }
        return bytes.ToArray();
    }
}
