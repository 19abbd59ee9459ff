using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;

namespace Hdnr.Runtime.Tests.Tasks;

/// <summary>MapEnd, ReduceEnd and CombineEnd run once after the last record, and their pairs follow the others.</summary>
public sealed class EndFunctionTests
{
    private const string InMapperCombining = """
        var counts = new Dictionary<string, int>();
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                counts[word] = counts.GetValueOrDefault(word) + 1;
            return [];
        }
        IEnumerable<(string, int)> MapEnd() => counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));
        """;

    [Fact]
    public void MapEnd_emits_what_map_accumulated()
    {
        Assert.Equal("a\t2\nb\t1\n", Scripts.RunText(InMapperCombining, TaskKind.Map, "b a\na\n"));
    }

    [Fact]
    public void MapEnd_runs_even_when_the_input_is_empty()
    {
        Assert.Equal("", Scripts.RunText(InMapperCombining, TaskKind.Map, ""));
        Assert.Equal("records\t0\n", Scripts.RunText("""
            var n = 0;
            IEnumerable<(string, int)> Map(long o, string l) { n++; return []; }
            IEnumerable<(string, int)> MapEnd() => [("records", n)];
            """, TaskKind.Map, ""));
    }

    [Fact]
    public void End_pairs_may_have_other_types_than_the_task_pairs()
    {
        const string Script = """
            long total = 0;
            IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) { var s = v.Sum(); total += s; yield return (k, s); }
            IEnumerable<KeyValuePair<string, double>> ReduceEnd() { yield return new("mean", total / 2.0); }
            """;
        Assert.Equal("a\t3\nb\t4\nmean\t3.5\n", Scripts.RunText(Script, TaskKind.Reduce, "a\t1\na\t2\nb\t4\n"));
    }

    [Fact]
    public void CombineEnd_belongs_to_combine_only()
    {
        const string Script = """
            IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) => [(k, v.Sum())];
            IEnumerable<(string, int)> Combine(string k, IEnumerable<int> v) => [(k, v.Sum())];
            IEnumerable<(string, int)> CombineEnd() => [("combined", 1)];
            """;
        Assert.Equal("a\t2\ncombined\t1\n", Scripts.RunText(Script, TaskKind.Combine, "a\t1\na\t1\n"));
        Assert.Equal("a\t2\n", Scripts.RunText(Script, TaskKind.Reduce, "a\t1\na\t1\n"));
    }
}
