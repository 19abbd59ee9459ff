using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;

namespace Hdnr.Runtime.Tests.Jobs;

/// <summary>JobShape.Of reads which tasks a script defines and refuses wrong shapes, without running the script.</summary>
public sealed class JobShapeTests
{
    private const string WordCount = """
        /// Word count: counts each word of the input.
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

    [Fact]
    public void Word_count_defines_map_and_reduce()
    {
        Assert.Equal([TaskKind.Map, TaskKind.Reduce], JobShape.Of(Scripts.ScriptType(WordCount)).Tasks);
    }

    [Fact]
    public void Tasks_come_in_the_order_map_reduce_combine_whatever_the_script_order()
    {
        var shape = JobShape.Of(Scripts.ScriptType("""
            IEnumerable<(string, int)> Combine(string k, IEnumerable<int> v) => [(k, v.Sum())];
            IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) => [(k, v.Sum())];
            static IEnumerable<KeyValuePair<string, int>> Map(long o, string l) => [new(l, 1)];
            """));
        Assert.Equal([TaskKind.Map, TaskKind.Reduce, TaskKind.Combine], shape.Tasks);
    }

    [Fact]
    public void A_script_with_only_a_reducer_defines_only_reduce()
    {
        var shape = JobShape.Of(Scripts.ScriptType("List<(string, long)> Reduce(string k, IEnumerable<long> v) => [(k, v.Sum())];"));
        Assert.Equal([TaskKind.Reduce], shape.Tasks);
        Assert.False(shape.Defines(TaskKind.Map));
    }

    [Fact]
    public void Shapes_are_checked_without_running_the_top_level_statements()
    {
        var shape = JobShape.Of(Scripts.ScriptType("""
            throw new Exception("top-level statements ran");
            IEnumerable<(string, int)> Map(long o, string l) { yield break; }
            """));
        Assert.Equal([TaskKind.Map], shape.Tasks);
    }

    [Theory]
    [InlineData("void Map(string line) { }",
        "Map must take (key, value) and return pairs, e.g. IEnumerable<(string, int)> Map(long offset, string line); found: void Map(string)")]
    [InlineData("IEnumerable<string> Map(long o, string line) => [line];",
        "Map must take (key, value) and return pairs, e.g. IEnumerable<(string, int)> Map(long offset, string line); found: IEnumerable<string> Map(long, string)")]
    [InlineData("IEnumerable<(string, int, int)> Map(long o, string line) => [];",
        "Map must take (key, value) and return pairs, e.g. IEnumerable<(string, int)> Map(long offset, string line); found: IEnumerable<(string, int, int)> Map(long, string)")]
    [InlineData("IEnumerable<(string, int)> Reduce(string word, int[] counts) => [];",
        "Reduce must take (key, values) and return pairs, e.g. IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts); found: IEnumerable<(string, int)> Reduce(string, int[])")]
    [InlineData("IEnumerable<(string, int)> Combine(string word, int count) => [];",
        "Combine must take (key, values) and return pairs, e.g. IEnumerable<(string, int)> Combine(string word, IEnumerable<int> counts); found: IEnumerable<(string, int)> Combine(string, int)")]
    [InlineData("IEnumerable<(string, int)> Map(long o, string l) => []; IEnumerable<(string, int)> MapEnd(int n) => [];",
        "MapEnd must take no parameters and return pairs, e.g. IEnumerable<(string, int)> MapEnd(); found: IEnumerable<(string, int)> MapEnd(int)")]
    [InlineData("IEnumerable<(string, int)> ReduceEnd() => [];",
        "ReduceEnd runs after the last record of Reduce, but the script defines no Reduce")]
    [InlineData("IEnumerable<(string, int)> Map(long o, string l) => []; IEnumerable<(string, int)> Map(long o, int l) => [];",
        "Map is defined 2 times; define it once")]
    [InlineData("IEnumerable<(string, int)> Map(long o, DateTime l) => [];",
        "Map takes a value of type DateTime, which hdnr cannot convert input to; use string, long, int, short, sbyte, byte, double, float, bool, byte[], object, T[], List<T>, Dictionary<K, V>, a tuple, TypedBytesVector, TypedBytesList, TypedBytesMap, TypedBytesRaw or a record or class declared in the script")]
    [InlineData("IEnumerable<(string, DateTime)> Map(long o, string l) => [];",
        "Map returns pairs whose value has type DateTime, which hdnr cannot write; use string, long, int, short, sbyte, byte, double, float, bool, byte[], object, T[], List<T>, Dictionary<K, V>, a tuple, TypedBytesVector, TypedBytesList, TypedBytesMap, TypedBytesRaw or a record or class declared in the script, or a collection of them")]
    [InlineData("record Visit(string User); IEnumerable<(string, HashSet<Visit>)> Map(long o, string l) => [];",
        "Map returns pairs whose value has type HashSet<Visit>, which hdnr cannot write; use string, long, int, short, sbyte, byte, double, float, bool, byte[], object, T[], List<T>, Dictionary<K, V>, a tuple, TypedBytesVector, TypedBytesList, TypedBytesMap, TypedBytesRaw or a record or class declared in the script, or a collection of them")]
    [InlineData("record struct P(int X); IEnumerable<(string, Dictionary<string, P?>)> Map(long o, string l) => [];",
        "Map returns pairs whose value has type Dictionary<string, P?>, which hdnr cannot write (it holds P?: hdnr carries no nullable record struct; declare a record class for a value that may be null); use string, long, int, short, sbyte, byte, double, float, bool, byte[], object, T[], List<T>, Dictionary<K, V>, a tuple, TypedBytesVector, TypedBytesList, TypedBytesMap, TypedBytesRaw or a record or class declared in the script, or a collection of them")]
    [InlineData("System.Collections.Immutable.ImmutableArray<(string, int)> Map(long o, string l) => [];",
        "Map must take (key, value) and return pairs, e.g. IEnumerable<(string, int)> Map(long offset, string line); found: ImmutableArray<(string, int)> Map(long, string)")]
    [InlineData("IEnumerable<(T, int)> Map<T>(long o, T l) => [];",
        "Map must take (key, value) and return pairs, e.g. IEnumerable<(string, int)> Map(long offset, string line); found: IEnumerable<(T, int)> Map<T>(long, T)")]
    public void A_wrong_shape_is_refused_in_plain_words(string source, string message)
    {
        var error = Assert.Throws<JobShapeException>(() => JobShape.Of(Scripts.ScriptType(source)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_error_names_the_function_so_the_compiler_can_point_at_it()
    {
        var error = Assert.Throws<JobShapeException>(() => JobShape.Of(Scripts.ScriptType("""
            IEnumerable<(string, int)> Map(long o, string l) => [];
            void Reduce(string word) { }
            """)));
        Assert.Equal("Reduce", error.FunctionName);
    }

    [Fact]
    public void Other_top_level_functions_are_ignored()
    {
        var shape = JobShape.Of(Scripts.ScriptType("""
            int Helper(int x) => x + 1;
            void Mapper() { }
            IEnumerable<(string, int)> Map(long o, string l) => [(l, Helper(0))];
            """));
        Assert.Equal([TaskKind.Map], shape.Tasks);
    }
}
