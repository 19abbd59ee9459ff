using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;

namespace Hdnr.Runtime.Tests.Jobs;

/// <summary>The io launch and launch-local pick without --io: text where every declared type reads back from its text form as the same value, typedbytes where one would not.</summary>
public sealed class DefaultIoTests
{
    private const string Lines = "IEnumerable<(string, int)> Map(long offset, string line) => [(line, 1)];\n";

    [Theory]
    [InlineData(Lines + "IEnumerable<(string, int)> Combine(string k, IEnumerable<int> v) => [(k, v.Sum())];\nIEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) => [(k, v.Sum())];")]
    [InlineData("IEnumerable<(long, double?)> Map(long offset, string line) => [(offset, null)];\nIEnumerable<(bool, float)> Reduce(long k, IEnumerable<double?> v) => [(true, 1f)];")]
    [InlineData("IEnumerable<(string, (int, double))> Map(long offset, string line) => [(line, (1, 2.5))];\nIEnumerable<(string, Dictionary<int, List<long?>>)> Reduce(string k, IEnumerable<(int, double)> v) => [];")]
    [InlineData("IEnumerable<(short, int[])> Map(long offset, string line) => [];\nIEnumerable<(string, string)> MapEnd() => [];")]
    public void Strings_numbers_bools_and_json_containers_of_numbers_go_as_text(string script) =>
        Assert.Null(DefaultIo.TypedBytesReason(JobShape.Of(Scripts.ScriptType(script)), inputFormatNamed: false));

    [Theory]
    [InlineData(Lines + "IEnumerable<(string, byte[])> Reduce(string k, IEnumerable<int> v) => [];",
        "Reduce returns values of type byte[], which text would not carry losslessly")]
    [InlineData("IEnumerable<(object, int)> Map(long offset, string line) => [(line, 1)];",
        "Map returns keys of type object, which text would not carry losslessly")]
    [InlineData(Lines + "IEnumerable<(string, int)> Reduce(string k, IEnumerable<object> v) => [];",
        "Reduce takes values of type object, which text would not carry losslessly")]
    [InlineData("IEnumerable<(string, List<string>)> Map(long offset, string line) => [];",
        "Map returns values of type List<string>, which text would not carry losslessly")]
    [InlineData(Lines + "IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) => [];\nIEnumerable<((string, int), int)> ReduceEnd() => [];",
        "ReduceEnd returns keys of type (string, int), which text would not carry losslessly")]
    [InlineData("IEnumerable<(string, int)> Map(string key, string value) => [(key, 1)];",
        "Map takes (string, string), not the (long, string) of a line")]
    [InlineData("IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) => [];",
        "the script has no Map, so its input reaches Reduce as the input format's pairs")]
    public void A_type_without_a_lossless_text_form_asks_for_typedbytes_and_says_which(string script, string reason) =>
        Assert.Equal(reason, DefaultIo.TypedBytesReason(JobShape.Of(Scripts.ScriptType(script)), inputFormatNamed: false));

    [Fact]
    public void A_named_input_format_says_itself_what_a_map_reads()
    {
        var shape = JobShape.Of(Scripts.ScriptType("IEnumerable<(string, int)> Map(string key, string value) => [(key, 1)];"));

        Assert.Null(DefaultIo.TypedBytesReason(shape, inputFormatNamed: true));
    }
}
