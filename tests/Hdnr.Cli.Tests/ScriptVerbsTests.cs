using System.Text;

namespace Hdnr.Cli.Tests;

/// <summary>The verbs Hadoop Streaming and a user's shell call on a script: doc, info, map, reduce, combine.</summary>
public sealed class ScriptVerbsTests
{
    [Fact]
    public void A_script_run_without_a_verb_prints_its_doc_and_exits_2_as_a_usage_error()
    {
        var result = Hdnr.Run(["wc.csx"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Word count: counts how often each word occurs in the input.\n" +
                     "Words are runs of characters between white space; case is kept.\n", result.Stdout);
    }

    [Fact]
    public void Info_prints_the_doc_and_the_defined_tasks_as_one_line_of_json()
    {
        var result = Hdnr.Run(["wc.csx", "info"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"doc\": \"Word count: counts how often each word occurs in the input.\\n" +
                     "Words are runs of characters between white space; case is kept.\", " +
                     "\"tasks\": [\"map\", \"reduce\", \"combine\"]}\n", result.Stdout);
    }

    [Fact]
    public void Info_lists_only_the_tasks_a_script_defines()
    {
        var result = Hdnr.Run(["triangular.csx", "info"]);

        Assert.EndsWith(", \"tasks\": [\"map\", \"reduce\"]}\n", result.Stdout);
    }

    [Fact]
    public void Map_emits_each_word_with_a_count_of_one_as_tab_separated_lines()
    {
        var result = Hdnr.Run(["wc.csx", "map"], "a b a a b c\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a\t1\nb\t1\na\t1\na\t1\nb\t1\nc\t1\n", result.Stdout);
    }

    [Fact]
    public void Map_then_a_byte_order_sort_then_reduce_counts_the_words()
    {
        var mapped = Hdnr.Run(["wc.csx", "map"], "a b a a b c\n");
        var sorted = SortLines(mapped.StdoutBytes);

        var result = Hdnr.Run(["wc.csx", "reduce"], sorted);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a\t3\nb\t2\nc\t1\n", result.Stdout);
    }

    [Fact]
    public void Combine_groups_consecutive_equal_keys_like_reduce()
    {
        var result = Hdnr.Run(["wc.csx", "combine"], "a\t1\na\t2\nb\t5\na\t1\n");

        Assert.Equal("a\t3\nb\t5\na\t1\n", result.Stdout);
    }

    [Fact]
    public void Reduce_takes_a_line_without_a_tab_as_a_key_with_an_empty_value()
    {
        var script = TempScript.Write("""
            IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
            {
                yield return (key, "[" + string.Join("|", values) + "]");
            }
            """);

        var result = Hdnr.Run([script.Path, "reduce"], "k\nk\tv\tw\n");

        Assert.Equal("k\t[|v\tw]\n", result.Stdout);
    }

    [Fact]
    public void The_triangular_example_computes_the_first_hundred_triangular_numbers()
    {
        var input = File.ReadAllBytes(Hdnr.Example("triangular.txt"));
        var mapped = Hdnr.Run(["triangular.csx", "map"], input);
        var result = Hdnr.Run(["triangular.csx", "reduce"], SortLines(mapped.StdoutBytes));

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        var expected = Enumerable.Range(1, 100).Select(k => $"{k}\t{k * (k + 1) / 2}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, lines);
    }

    [Fact]
    public void A_task_the_script_does_not_define_is_refused_in_one_line()
    {
        var result = Hdnr.Run(["triangular.csx", "combine"], "1\t1\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("hdnr: triangular.csx defines no Combine function, so it has no 'combine' task.\n", result.Stderr);
    }

    [Fact]
    public void A_missing_script_is_named_in_one_line()
    {
        var result = Hdnr.Run(["nosuch.csx", "info"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("hdnr: ", result.Stderr);
        Assert.Contains("nosuch.csx", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    internal static byte[] SortLines(byte[] text)
    {
        // What `LC_ALL=C sort` does, and what Hadoop's shuffle does to Text keys: order by unsigned bytes.
        var lines = Encoding.UTF8.GetString(text).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(Encoding.UTF8.GetBytes)
            .Order(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)));
        return lines.SelectMany(l => l.Append((byte)'\n')).ToArray();
    }
}
