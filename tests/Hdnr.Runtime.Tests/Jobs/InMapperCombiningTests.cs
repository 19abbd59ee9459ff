using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Jobs;

/// <summary>Which jobs combine in their map tasks: those whose Combine takes and returns the map's pairs, with keys whose equal values write equal bytes, and Hadoop's key the script's.</summary>
public sealed class InMapperCombiningTests
{
    private const string Map = "IEnumerable<(string, int)> Map(long offset, string line) => [(line, 1)];\n";
    private const string Reduce = "IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) => [(k, v.Sum())];\n";
    private const string Combine = "IEnumerable<(string, int)> Combine(string k, IEnumerable<int> v) => [(k, v.Sum())];\n";

    [Theory]
    [InlineData(Map + Combine + Reduce)]
    [InlineData("IEnumerable<((string, long), double)> Map(long offset, string line) => [];\n" +
        "IEnumerable<((string, long), double)> Combine((string, long) k, IEnumerable<double> v) => [(k, v.Sum())];\n" +
        "IEnumerable<(string, double)> Reduce((string, long) k, IEnumerable<double> v) => [];")]
    [InlineData("IEnumerable<(int, (long, double))> Map(long offset, string line) => [];\n" +
        "IEnumerable<(int, (long, double))> Combine(int k, IEnumerable<(long, double)> v) => [];\n" +
        "IEnumerable<(int, string)> Reduce(int k, IEnumerable<(long, double)> v) => [];")]
    public void A_combine_over_the_maps_own_pairs_with_exact_keys_and_countable_values_runs_in_the_map(string script)
    {
        var shape = JobShape.Of(Scripts.ScriptType(script));

        Assert.Null(InMapperCombining.Reason(shape, TaskIo.Text));
        Assert.Equal(KeyValuePair.Create("hdnr.map.combine.mb", "32"), InMapperCombining.For(shape, Settings(("stream_map_output", "typedbytes")), reduces: true));
    }

    [Theory]
    [InlineData(Map + Reduce, "the job runs no Combine")]
    [InlineData(Map + "IEnumerable<(string, long)> Combine(string k, IEnumerable<int> v) => [];\n" + Reduce,
        "Combine does not take and return the pairs the map writes")]
    [InlineData("IEnumerable<(double, int)> Map(long offset, string line) => [];\nIEnumerable<(double, int)> Combine(double k, IEnumerable<int> v) => [];\n" +
        "IEnumerable<(double, int)> Reduce(double k, IEnumerable<int> v) => [];", "its keys are double, whose equal values may not write equal bytes")]
    [InlineData("IEnumerable<(string, List<int>)> Map(long offset, string line) => [];\nIEnumerable<(string, List<int>)> Combine(string k, IEnumerable<List<int>> v) => [];\n" +
        "IEnumerable<(string, int)> Reduce(string k, IEnumerable<List<int>> v) => [];", "its values are List<int>, whose size the map task cannot count")]
    [InlineData(Map + Combine + Reduce + "void CombineStart() { }\n",
        "the script has a CombineStart or CombineEnd, which run once per combine task")]
    public void Other_jobs_say_why_not(string script, string reason) =>
        Assert.Equal(reason, InMapperCombining.Reason(JobShape.Of(Scripts.ScriptType(script)), TaskIo.Text));

    [Fact]
    public void Key_fields_and_other_io_keep_it_off_by_default_and_refuse_it_when_asked_in_one_line_naming_the_setting()
    {
        var shape = JobShape.Of(Scripts.ScriptType(Map + Combine + Reduce));
        (string, string) keyFields = ("stream_num_map_output_key_fields", "2"), asked = ("hdnr_map_combine_mb", "8");

        Assert.Null(InMapperCombining.For(shape, Settings(keyFields), reduces: true));
        Assert.Null(InMapperCombining.For(shape, Settings(("hdnr_map_combine_mb", "0")), reduces: true));
        Assert.Equal("-D hdnr.map.combine.mb=8: its map tasks cannot run Combine over their own output: its map output is cut into key fields, so Hadoop's key is not the script's; leave the setting out",
            Assert.Throws<ArgumentException>(() => InMapperCombining.For(shape, Settings(keyFields, asked), reduces: true)).Message);
        Assert.Equal("-D hdnr.map.combine.mb=8: its map tasks cannot run Combine over their own output: its map output travels as rawbytes; leave the setting out",
            Assert.Throws<ArgumentException>(() => InMapperCombining.For(shape, Settings(("stream_map_output", "rawbytes"), asked), reduces: true)).Message);
        Assert.Equal("-D hdnr.map.combine.mb=8: its map tasks cannot run Combine over their own output: the job has no reduce tasks, so Hadoop runs no combiner; leave the setting out",
            Assert.Throws<ArgumentException>(() => InMapperCombining.For(shape, Settings(asked), reduces: false)).Message);
        Assert.Equal("-D hdnr.map.combine.mb=-1: expected a number of MiB from 0 to 2047",
            Assert.Throws<ArgumentException>(() => InMapperCombining.For(shape, Settings(("hdnr_map_combine_mb", "-1")), reduces: true)).Message);
    }

    // The job's settings as a task sees them, by variable name.
    private static Func<string, string?> Settings(params (string Name, string Value)[] settings) =>
        name => settings.LastOrDefault(s => s.Name == name).Value;
}
