using System.Text;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Tests.Support;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Tasks;

/// <summary>Typedbytes mode: keys and values are typedbytes values in and out, checked against streams Hadoop wrote.</summary>
public sealed class TypedBytesTaskTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Scripts.Fixture(name));

    private static byte[] Encode(params object?[] values)
    {
        var output = new MemoryStream();
        using (var writer = new TypedBytesWriter(output, leaveOpen: true))
            foreach (var value in values) writer.Write(value);
        return output.ToArray();
    }

    [Fact]
    public void A_map_over_hadoops_typedbytes_text_input_sees_long_offsets_and_string_lines()
    {
        // Hadoop gave this mapper key = long (code 4) byte offset, value = string (code 7) line; echoing both
        // re-encodes them the same way, so the output is byte for byte what Hadoop wrote.
        var job = Scripts.Job("IEnumerable<(long, string)> Map(long offset, string line) => [(offset, line)];");
        Assert.Equal(Fixture("j3.map-stdin.tb"), Scripts.Run(job, TaskKind.Map, TaskIo.TypedBytes, Fixture("j3.map-stdin.tb")));
    }

    [Fact]
    public void Word_count_map_writes_strings_as_code_7_and_ints_as_code_3()
    {
        var job = Scripts.Job("""
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    yield return (word, 1);
            }
            """);
        var input = Encode(0L, "to be", 6L, "or");
        Assert.Equal(Encode("to", 1, "be", 1, "or", 1), Scripts.Run(job, TaskKind.Map, TaskIo.TypedBytes, input));
    }

    [Fact]
    public void Every_typedbytes_type_passes_through_an_object_map_unchanged()
    {
        var job = Scripts.Job("IEnumerable<(object, object)> Map(object key, object value) => [(key, value)];");
        Assert.Equal(Fixture("all-types.tb"), Scripts.Run(job, TaskKind.Map, TaskIo.TypedBytes, Fixture("all-types.tb")));
    }

    [Fact]
    public void Reduce_groups_consecutive_keys_equal_by_their_encoded_bytes()
    {
        // Int 1 and long 1 are different keys on the wire, so they are different groups.
        var job = Scripts.Job("IEnumerable<(object, int)> Reduce(object key, IEnumerable<object> values) => [(key, values.Count())];");
        var input = Encode("a", 1, "a", "x", 1, 0, 1L, 0, 1L, 0, 1L, 0);
        Assert.Equal(Encode("a", 2, 1, 1, 1L, 3), Scripts.Run(job, TaskKind.Reduce, TaskIo.TypedBytes, input));
    }

    [Fact]
    public void Reduce_over_what_hadoops_shuffle_gave_a_reducer()
    {
        var job = Scripts.Job("IEnumerable<(object, int)> Reduce(object key, IEnumerable<object> values) => [(key, values.Count())];");
        var expected = new MemoryStream();
        using (var reader = new TypedBytesReader(new MemoryStream(Fixture("j8.reduce-stdin.part0.tb"))))
        using (var writer = new TypedBytesWriter(expected, leaveOpen: true))
        {
            while (reader.TryReadRaw(out var key))
            {
                writer.WriteRaw(key);
                reader.TryReadRaw(out _);
                writer.WriteInt(1);
            }
        }
        Assert.Equal(expected.ToArray(), Scripts.Run(job, TaskKind.Reduce, TaskIo.TypedBytes, Fixture("j8.reduce-stdin.part0.tb")));
    }

    [Fact]
    public void Declared_types_convert_from_typedbytes()
    {
        var job = Scripts.Job("""
            IEnumerable<(string, string)> Reduce(long key, IEnumerable<(string, double)> values) =>
                [(key.ToString(), string.Join(",", values.Select(v => v.Item1 + "=" + v.Item2)))];
            """);
        var input = Encode(7, new TypedBytesVector("a", 1.5), 7, new TypedBytesVector("b", 2));
        Assert.Equal(Encode("7", "a=1.5,b=2"), Scripts.Run(job, TaskKind.Reduce, TaskIo.TypedBytes, input));
    }

    [Fact]
    public void Collections_tuples_and_dictionaries_are_written_as_vectors_and_maps()
    {
        var job = Scripts.Job("""
            IEnumerable<(string, object)> Map(long o, string l) =>
                [("list", new List<int> { 1, 2 }), ("tuple", (l, 3L)), ("map", new Dictionary<string, short> { ["k"] = 5 }), ("bytes", new byte[] { 0, 255 })];
            """);
        var expected = Encode(
            "list", new TypedBytesVector(1, 2),
            "tuple", new TypedBytesVector("x", 3L),
            "map", new TypedBytesMap(("k", 5)),
            "bytes", new byte[] { 0, 255 });
        Assert.Equal(expected, Scripts.Run(job, TaskKind.Map, TaskIo.TypedBytes, Encode(0L, "x")));
    }

    [Fact]
    public void Typedbytes_in_and_text_out()
    {
        var job = Scripts.Job("IEnumerable<(long, string)> Map(long offset, string line) => [(offset, line)];");
        var output = Scripts.Run(job, TaskKind.Map, new TaskIo(WireFormat.TypedBytes, WireFormat.Text), Fixture("j3.map-stdin.tb"));
        Assert.Equal("0\thello world\n12\tkey\tvalue with tab\n31\théllo ☃\n42\t\n43\tcrlf line\n54\tlast line no newline\n", Encoding.UTF8.GetString(output));
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_record_and_shows_the_value()
    {
        var job = Scripts.Job("IEnumerable<(string, int)> Reduce(string key, IEnumerable<int> values) => [(key, values.Sum())];");
        var input = Encode("a", 1, "b", "two");
        var output = new MemoryStream();
        var failure = Assert.Throws<RecordConversionException>(() =>
            StreamingTask.Run(job, TaskKind.Reduce, TaskIo.TypedBytes, new MemoryStream(input), output));
        Assert.Equal("Reduce could not read record 2 (byte offset 11): value: cannot read \"two\" as int", failure.Message);
        Assert.Equal(Encode("a", 1), output.ToArray());
    }

    [Fact]
    public void Input_that_ends_after_a_key_is_refused()
    {
        var job = Scripts.Job("IEnumerable<(string, int)> Reduce(string key, IEnumerable<int> values) => [(key, values.Sum())];");
        var failure = Assert.Throws<InvalidDataException>(() => Scripts.Run(job, TaskKind.Reduce, TaskIo.TypedBytes, Encode("a", 1, "b")));
        Assert.Equal("typedbytes input: bad typed bytes at byte offset 17: the input ends after a key (record 2 at byte offset 11) with no value.", failure.Message);
    }

    [Fact]
    public void Combine_in_typedbytes_groups_and_writes_typedbytes()
    {
        var job = Scripts.Job("""
            IEnumerable<(string, int)> Map(long o, string l) => [(l, 1)];
            IEnumerable<(string, long)> Combine(string word, IEnumerable<int> counts) => [(word, counts.Sum())];
            """);
        var input = Encode("a", 1, "a", 2, "b", 5);
        Assert.Equal(Encode("a", 3L, "b", 5L), Scripts.Run(job, TaskKind.Combine, TaskIo.TypedBytes, input));
    }

    [Fact]
    public void Text_in_and_typedbytes_out_gives_long_offsets()
    {
        var job = Scripts.Job("IEnumerable<(long, string)> Map(long offset, string line) => [(offset, line)];");
        var output = Scripts.Run(job, TaskKind.Map, new TaskIo(WireFormat.Text, WireFormat.TypedBytes), File.ReadAllBytes(Scripts.Fixture("text-input.txt")));
        Assert.Equal(Fixture("j3.map-stdin.tb"), output);
    }
}
