using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;

namespace Hdnr.Runtime.Tests.Tasks;

/// <summary>Input that does not fit a declared type stops the task with one line naming the task, record, offset and value.</summary>
public sealed class ConversionTests
{
    [Fact]
    public void A_value_that_is_not_an_int_names_the_record_and_the_value()
    {
        const string Sum = "IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) => [(k, v.Sum())];";
        var (output, failure) = Scripts.RunTextFailing(Sum, TaskKind.Reduce, "a\t1\nb\t2\nb\tabc\n");
        Assert.IsType<RecordConversionException>(failure);
        Assert.Equal("Reduce could not read record 3 (byte offset 8): value: cannot read \"abc\" as int", failure.Message);
        Assert.Equal("a\t1\n", output);
    }

    [Fact]
    public void A_key_that_is_not_a_long()
    {
        const string Script = "IEnumerable<(long, int)> Reduce(long k, IEnumerable<string> v) => [(k, 1)];";
        var (_, failure) = Scripts.RunTextFailing(Script, TaskKind.Reduce, "12\tx\n1.5\ty\n");
        Assert.Equal("Reduce could not read record 2 (byte offset 5): key: cannot read \"1.5\" as long", failure.Message);
    }

    [Fact]
    public void A_map_value_that_is_not_a_double_shows_tabs_escaped()
    {
        const string Script = "IEnumerable<(string, double)> Map(long o, double d) => [(\"x\", d)];";
        var (output, failure) = Scripts.RunTextFailing(Script, TaskKind.Map, "1.5\n2\tthree\n");
        Assert.Equal("Map could not read record 2 (byte offset 4): value: cannot read \"2\\tthree\" as double", failure.Message);
        Assert.Equal("x\t1.5\n", output);
    }

    [Fact]
    public void A_map_key_declared_as_a_type_an_offset_cannot_be()
    {
        const string Script = "IEnumerable<(string, int)> Map(bool o, string l) => [(l, 1)];";
        var (_, failure) = Scripts.RunTextFailing(Script, TaskKind.Map, "a\n");
        Assert.Equal("Map could not read record 1 (byte offset 0): key: cannot read the line's byte offset 0 as bool; declare the key long", failure.Message);
    }

    [Fact]
    public void Json_that_does_not_fit_the_declared_container()
    {
        const string Script = "IEnumerable<(string, int)> Reduce(string k, IEnumerable<List<int>> v) => [(k, v.Sum(l => l.Sum()))];";
        var (_, failure) = Scripts.RunTextFailing(Script, TaskKind.Reduce, "a\t[1,2]\na\t[1,\"x\"]\n");
        Assert.Equal("Reduce could not read record 2 (byte offset 8): value: cannot read \"x\" as int", failure.Message);
    }

    [Fact]
    public void Text_that_is_not_json_for_a_declared_container()
    {
        const string Script = "IEnumerable<(string, int)> Reduce(string k, IEnumerable<int[]> v) => [(k, v.Count())];";
        var (_, failure) = Scripts.RunTextFailing(Script, TaskKind.Reduce, "a\t1,2\n");
        Assert.Equal("Reduce could not read record 1 (byte offset 0): value: cannot read \"1,2\" as int[]: it is not JSON", failure.Message);
    }

    [Fact]
    public void A_value_that_cannot_be_written_leaves_no_half_pair_behind()
    {
        const string Script = "IEnumerable<(string, object)> Map(long o, string l) => [(l, o == 0 ? 1 : DateTime.UnixEpoch)];";
        var (output, failure) = Scripts.RunTextFailing(Script, TaskKind.Map, "a\nb\n");
        Assert.Equal("a\t1\n", output);
        Assert.Equal("Map could not write a pair it returned for record 2 (byte offset 2): cannot write a value of type DateTime", failure.Message);
    }
}
