using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;

namespace Hdnr.Runtime.Tests.Text;

/// <summary>A tuple's text form is read typed, item by item, and reads every JSON spelling of a value as the same value: plain, spaced, escaped, not ASCII, nested; what is not JSON or does not fit fails as before.</summary>
public sealed class TupleTextTests
{
    // Reduce writes back each value it read, so the output is the text form of what the reading gave.
    private const string Echo = """
        IEnumerable<(string, (string, int, double, bool, (long, string)))> Reduce(string k, IEnumerable<(string, int, double, bool, (long, string))> values) =>
            values.Select(v => (k, v));
        """;

    [Theory]
    [InlineData("[\"a\",1,2,true,[3,\"b\"]]", "[\"a\",1,2,true,[3,\"b\"]]")]
    [InlineData(" [ \"a\" ,\t1 , 2 ,\ttrue , [ 3 , \"b\" ] ] ", "[\"a\",1,2,true,[3,\"b\"]]")]
    [InlineData("[\"a\\\"\\\\\\u0041\\t\\/\",-1,-0,false,[-0,\"\"]]", "[\"a\\\"\\\\A\\t/\",-1,0,false,[0,\"\"]]")]
    [InlineData("[\"café\",2147483647,2.5,true,[9223372036854775807,\"x\"]]", "[\"café\",2147483647,2.5,true,[9223372036854775807,\"x\"]]")]
    [InlineData("[\"x\",999999999,1e2,false,[1000000000000000000,\"y\"]]", "[\"x\",999999999,100,false,[1000000000000000000,\"y\"]]")]
    [InlineData("[\"x\",1234567890,-1.5E-3,true,[-9223372036854775808,\"z\"]]", "[\"x\",1234567890,-0.0015,true,[-9223372036854775808,\"z\"]]")]
    [InlineData("[\"\\u00e9\\ud83d\\ude00\",0,0.0,false,[0,\"~\"]]", "[\"é\\uD83D\\uDE00\",0,0,false,[0,\"~\"]]")]
    public void Every_json_spelling_of_a_tuple_reads_as_its_value(string value, string written)
    {
        Assert.Equal($"k\t{written}\n", Scripts.RunText(Echo, TaskKind.Reduce, $"k\t{value}\n"));
    }

    [Theory]
    [InlineData("[\"x\",01,2,true,[3,\"b\"]]", "cannot read \"[\\\"x\\\",01,2,true,[3,\\\"b\\\"]]\" as (string, int, double, bool, (long, string)): it is not JSON")]
    [InlineData("[\"x\",1.0,2,true,[3,\"b\"]]", "cannot read 1.0 as int")]
    [InlineData("[\"x\",2147483648,2,true,[3,\"b\"]]", "cannot read 2147483648L as int")]
    [InlineData("[\"x\",1,2,true,[3,\"b\"],]", "cannot read \"[\\\"x\\\",1,2,true,[3,\\\"b\\\"],]\" as (string, int, double, bool, (long, string)): it is not JSON")]
    [InlineData("[\"x\",1,2,true]", "cannot read (\"x\", 1L, 2L, True) as (string, int, double, bool, (long, string))")]
    [InlineData("[\"x\",1,2,tru,[3,\"b\"]]", "cannot read \"[\\\"x\\\",1,2,tru,[3,\\\"b\\\"]]\" as (string, int, double, bool, (long, string)): it is not JSON")]
    [InlineData("[\"x\",1,2,true,[3,\"b\"]] x", "cannot read \"[\\\"x\\\",1,2,true,[3,\\\"b\\\"]] x\" as (string, int, double, bool, (long, string)): it is not JSON")]
    [InlineData("[\"x\",-,2,true,[3,\"b\"]]", "cannot read \"[\\\"x\\\",-,2,true,[3,\\\"b\\\"]]\" as (string, int, double, bool, (long, string)): it is not JSON")]
    [InlineData("null", "cannot read None as (string, int, double, bool, (long, string))")]
    [InlineData("", "cannot read \"\" as (string, int, double, bool, (long, string)): it is not JSON")]
    [InlineData("[\"x\",1,2,true,[3,\"b\"]]]", "cannot read \"[\\\"x\\\",1,2,true,[3,\\\"b\\\"]]]\" as (string, int, double, bool, (long, string)): it is not JSON")]
    public void A_value_that_is_not_json_or_does_not_fit_fails_naming_it(string value, string message)
    {
        var (_, failure) = Scripts.RunTextFailing(Echo, TaskKind.Reduce, $"k\t{value}\n");

        Assert.IsType<RecordConversionException>(failure);
        Assert.Equal($"Reduce could not read record 1 (byte offset 0): value: {message}", failure.Message);
    }

    [Fact]
    public void A_json_string_holding_a_byte_that_is_not_utf8_is_not_json()
    {
        byte[] input = [.. "k\t[\"caf"u8, 0xE9, .. "\",1,2,true,[3,\"b\"]]\n"u8];

        var failure = Assert.ThrowsAny<Exception>(() => Scripts.Run(Scripts.Job(Echo), TaskKind.Reduce, Hdnr.Runtime.Wire.TaskIo.Text, input));

        Assert.Equal("Reduce could not read record 1 (byte offset 0): value: cannot read \"[\\\"caf\ufffd\\\",1,2,true,[3,\\\"b\\\"]]\" as (string, int, double, bool, (long, string)): it is not JSON", failure.Message);
    }
}
