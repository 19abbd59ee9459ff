using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;

namespace Hdnr.Runtime.Tests.Tasks;

/// <summary>Text-mode reduce and combine: lines split at the first tab, consecutive equal keys grouped.</summary>
public sealed class TextReduceTests
{
    private const string Sum = """
        IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
        {
            yield return (word, counts.Sum());
        }
        """;

    private const string Show = """
        IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values) =>
            [("<" + key + ">", string.Join("|", values.Select(v => "[" + v + "]")))];
        """;

    [Fact]
    public void Consecutive_equal_keys_form_one_group()
    {
        Assert.Equal("a\t3\nb\t1\n", Scripts.RunText(Sum, TaskKind.Reduce, "a\t1\na\t2\nb\t1\n"));
    }

    [Fact]
    public void Equal_keys_that_are_not_consecutive_are_separate_groups_as_hadoop_sorted_them()
    {
        Assert.Equal("a\t1\nb\t1\na\t1\n", Scripts.RunText(Sum, TaskKind.Reduce, "a\t1\nb\t1\na\t1\n"));
    }

    [Fact]
    public void Only_the_first_tab_splits_key_from_value()
    {
        Assert.Equal("<k>\t[v1\tmore]|[v2]\n", Scripts.RunText(Show, TaskKind.Reduce, "k\tv1\tmore\nk\tv2\n"));
    }

    [Fact]
    public void A_line_without_a_tab_is_all_key_with_an_empty_value()
    {
        Assert.Equal("<lonely>\t[]|[x]\n<>\t[]\n", Scripts.RunText(Show, TaskKind.Reduce, "lonely\nlonely\tx\n\n"));
    }

    [Fact]
    public void Crlf_and_a_last_line_without_newline_are_handled()
    {
        Assert.Equal("a\t3\nb\t4\n", Scripts.RunText(Sum, TaskKind.Reduce, "a\t1\r\na\t2\r\nb\t4"));
    }

    [Fact]
    public void A_lone_cr_ends_a_line_as_in_hadoops_line_reader()
    {
        Assert.Equal("a\t3\nb\t4\n", Scripts.RunText(Sum, TaskKind.Reduce, "a\t1\ra\t2\rb\t4\r"));
    }

    [Fact]
    public void Keys_group_by_their_exact_bytes()
    {
        Assert.Equal("<\u00e9>\t[1]\n<e\u0301>\t[2]\n", Scripts.RunText(Show, TaskKind.Reduce, "\u00e9\t1\ne\u0301\t2\n"));
    }

    [Fact]
    public void Values_a_reduce_does_not_read_are_skipped()
    {
        const string FirstOnly = "IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) => [(k, v.First())];";
        Assert.Equal("a\t1\nb\t7\nc\t9\n", Scripts.RunText(FirstOnly, TaskKind.Reduce, "a\t1\na\tnot-even-a-number\na\t3\nb\t7\nc\t9\nc\t10\n"));
    }

    [Fact]
    public void A_reduce_that_reads_no_value_still_sees_every_key_once()
    {
        const string KeysOnly = "IEnumerable<(string, string)> Reduce(string k, IEnumerable<string> v) => [(k, \"\")];";
        Assert.Equal("a\t\nb\t\n", Scripts.RunText(KeysOnly, TaskKind.Reduce, "a\t1\na\t2\nb\t3\n"));
    }

    [Fact]
    public void Combine_runs_like_reduce()
    {
        const string Script = """
            IEnumerable<(string, int)> Map(long o, string l) => [(l, 1)];
            IEnumerable<(string, int)> Combine(string k, IEnumerable<int> v) => [(k, v.Sum() * 10)];
            """;
        Assert.Equal("a\t20\nb\t10\n", Scripts.RunText(Script, TaskKind.Combine, "a\t1\na\t1\nb\t1\n"));
    }

    [Fact]
    public void Keys_convert_to_the_declared_type()
    {
        const string Script = "IEnumerable<(long, int)> Reduce(long k, IEnumerable<string> v) => [(k + 1, v.Count())];";
        Assert.Equal("8\t2\n-1\t1\n", Scripts.RunText(Script, TaskKind.Reduce, "7\ta\n7\tb\n-2\tc\n"));
    }

    [Fact]
    public void Values_can_be_enumerated_only_once()
    {
        const string Twice = "IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v) => [(k, v.Sum() + v.Sum())];";
        var (_, failure) = Scripts.RunTextFailing(Twice, TaskKind.Reduce, "a\t1\n");
        Assert.Equal(
            "wc.csx:1: Reduce failed at record 1 (byte offset 0): InvalidOperationException: Reduce's values can be enumerated only once: they stream from the input; copy them first (e.g. values.ToList()) to read them twice",
            failure.Message);
    }

    [Fact]
    public void Reading_values_after_reduce_returned_is_refused()
    {
        const string Script = """
            IEnumerable<int> kept = null;
            IEnumerable<(string, int)> Reduce(string k, IEnumerable<int> v)
            {
                if (kept != null) yield return ("late", kept.Sum());
                kept = v;
                yield return (k, 0);
            }
            """;
        var (output, failure) = Scripts.RunTextFailing(Script, TaskKind.Reduce, "a\t1\nb\t2\n");
        Assert.Equal("a\t0\n", output);
        Assert.Equal(
            "wc.csx:4: Reduce failed at record 2 (byte offset 4): InvalidOperationException: Reduce's values were read after Reduce returned for their key; read them while it runs (or copy them, e.g. values.ToList())",
            failure.Message);
    }
}
