using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;

namespace Hdnr.Runtime.Tests.Text;

/// <summary>The text form (runner/Hdnr.Runtime/Text/README.md): what each type looks like and that it reads back the same.</summary>
public sealed class TextFormTests
{
    private static string Write(string valueExpression, string type) =>
        Scripts.RunText($"IEnumerable<(string, {type})> Map(long o, string l) => [(\"k\", {valueExpression})];", TaskKind.Map, "x\n");

    [Theory]
    [InlineData("\"plain text\"", "string", "k\tplain text\n")]
    [InlineData("(string)null", "string", "k\t\n")]
    [InlineData("-42", "int", "k\t-42\n")]
    [InlineData("long.MinValue", "long", "k\t-9223372036854775808\n")]
    [InlineData("0.1", "double", "k\t0.1\n")]
    [InlineData("1e16", "double", "k\t10000000000000000\n")]
    [InlineData("1e17", "double", "k\t1E+17\n")]
    [InlineData("double.NaN", "double", "k\tNaN\n")]
    [InlineData("double.NegativeInfinity", "double", "k\t-Infinity\n")]
    [InlineData("0.1f", "float", "k\t0.1\n")]
    [InlineData("true", "bool", "k\ttrue\n")]
    [InlineData("new byte[] { 0, 1, 255 }", "byte[]", "k\tAAH/\n")]
    [InlineData("new[] { 1, 2 }", "int[]", "k\t[1,2]\n")]
    [InlineData("new List<string> { \"a\\tb\", \"é\\n\" }", "List<string>", "k\t[\"a\\tb\",\"é\\n\"]\n")]
    [InlineData("(\"a\", 1.5)", "(string, double)", "k\t[\"a\",1.5]\n")]
    [InlineData("new Dictionary<int, double?> { [1] = 2.5, [2] = null, [3] = double.NaN }", "Dictionary<int, double?>", "k\t{\"1\":2.5,\"2\":null,\"3\":\"NaN\"}\n")]
    [InlineData("new byte[][] { new byte[] { 1 } }", "byte[][]", "k\t[\"AQ==\"]\n")]
    [InlineData("new TypedBytesMap((1, new TypedBytesVector(true, 2L)))", "TypedBytesMap", "k\t{\"1\":[true,2]}\n")]
    [InlineData("new TypedBytesRaw(50, new byte[] { 9 })", "TypedBytesRaw", "k\t{\"typedbytes\":50,\"bytes\":\"CQ==\"}\n")]
    public void Each_type_has_one_text_form(string expression, string type, string expected)
    {
        Assert.Equal(expected, Write(expression, type));
    }

    [Theory]
    [InlineData("double", "0.1")]
    [InlineData("double", "1E+17")]
    [InlineData("double", "-1.2345678901234568E-300")]
    [InlineData("double", "-0")]
    [InlineData("double", "NaN")]
    [InlineData("double", "Infinity")]
    [InlineData("double", "5E-324")]
    [InlineData("float", "3.4028235E+38")]
    [InlineData("long", "-9223372036854775808")]
    [InlineData("bool", "false")]
    [InlineData("byte[]", "AAH/")]
    [InlineData("int[]", "[1,2]")]
    [InlineData("List<string>", "[\"a\\tb\",\"é\\n\",null]")]
    [InlineData("(string, double)", "[\"a\",1.5]")]
    [InlineData("(string, long[])", "[\"a\",[9007199254740993]]")]
    [InlineData("Dictionary<int, double?>", "{\"1\":2.5,\"2\":null,\"3\":\"NaN\"}")]
    [InlineData("Dictionary<string, List<byte[]>>", "{\"x\":[\"AQ==\",\"\"]}")]
    [InlineData("Dictionary<(string, int), long>", "{\"[\\\"x\\\",1]\":2,\"[\\\"a\\\\\\\"b\\\",-3]\":4}")]
    [InlineData("Dictionary<int[], bool>", "{\"[1,2]\":true}")]
    [InlineData("TypedBytesVector", "[1,\"a\",2.5]")]
    [InlineData("TypedBytesRaw", "{\"typedbytes\":50,\"bytes\":\"CQ==\"}")]
    public void What_a_map_writes_a_reduce_reads_back_the_same(string type, string text)
    {
        // Reduce reads the value as the declared type and writes it again: the same text means nothing was lost.
        var script = $"IEnumerable<(string, {type})> Reduce(string k, IEnumerable<{type}> v) => v.Select(x => (k, x)).ToList();";
        Assert.Equal($"k\t{text}\n", Scripts.RunText(script, TaskKind.Reduce, $"k\t{text}\n"));
    }

    [Fact]
    public void A_declared_object_reads_the_text_itself()
    {
        const string Script = "IEnumerable<(string, string)> Reduce(object k, IEnumerable<object> v) => [(k.GetType().Name, string.Join(\",\", v.Select(x => x.GetType().Name + \":\" + x)))];";
        Assert.Equal("String\tString:12,String:[1]\n", Scripts.RunText(Script, TaskKind.Reduce, "a\t12\na\t[1]\n"));
    }

    [Fact]
    public void Objects_inside_json_read_as_plain_values()
    {
        const string Script = "IEnumerable<(string, string)> Reduce(string k, IEnumerable<object[]> v) => [(k, string.Join(\",\", v.Single().Select(x => x?.GetType().Name ?? \"null\")))];";
        Assert.Equal("a\tInt64,Double,String,Boolean,null,Object[],Dictionary`2\n",
            Scripts.RunText(Script, TaskKind.Reduce, "a\t[1,1.5,\"s\",true,null,[],{}]\n"));
    }
}
