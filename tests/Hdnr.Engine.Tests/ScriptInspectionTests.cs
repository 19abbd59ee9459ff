using Hdnr.Engine.Scheduling;

namespace Hdnr.Engine.Tests;

/// <summary>Which scripts launch-local keeps off its own threads: those that can end, overflow or hang the process they run in.</summary>
public sealed class ScriptInspectionTests
{
    private static ScriptInspection Inspect(string source) => ScriptInspection.Of(Support.Job(Support.Script(source)).AssemblyPath);

    [Fact]
    public void The_word_count_example_runs_on_threads()
    {
        var wc = ScriptInspection.Of(Support.Job(Support.Example("wc.csx")).AssemblyPath);

        Assert.Null(wc.ProcessReason);
    }

    [Theory]
    [InlineData("Environment.Exit(3);")]
    [InlineData("Environment.FailFast(\"bad record\");")]
    public void A_script_that_can_end_its_process_is_recognised(string exit)
    {
        var script = Inspect($$"""
            /// Ends the process on a bad record.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                if (line == "bad") {{exit}}
                yield return (line, 1);
            }
            """);

        Assert.True(script.ExitsProcess);
        Assert.StartsWith("the script can end its process", script.ProcessReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Console.ReadLine()")]
    [InlineData("Console.In.ReadToEnd()")]
    [InlineData("Console.Read().ToString()")]
    [InlineData("new StreamReader(Console.OpenStandardInput()).ReadToEnd()")]
    public void A_script_that_reads_standard_input_is_recognised(string read)
    {
        var script = Inspect($$"""
            /// Reads stdin.
            IEnumerable<(string, string)> Map(long offset, string line)
            {
                yield return (line, {{read}} ?? "");
            }
            """);

        Assert.True(script.ReadsStandardInput);
        Assert.StartsWith("the script reads standard input", script.ProcessReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a method calling itself", """
        int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);
        IEnumerable<(string, int)> Map(long offset, string line) => [(line, Depth(line.Length))];
        """)]
    [InlineData("two methods calling each other", """
        bool Even(int n) => n == 0 || Odd(n - 1);
        bool Odd(int n) => n != 0 && Even(n - 1);
        IEnumerable<(string, bool)> Map(long offset, string line) => [(line, Even(line.Length))];
        """)]
    [InlineData("a local function", """
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            int Count(int n) => n <= 0 ? 0 : 1 + Count(n - 1);
            return [(line, Count(line.Length))];
        }
        """)]
    [InlineData("a generic method", """
        int Depth<T>(T item, int n) => n == 0 ? 0 : 1 + Depth(item, n - 1);
        IEnumerable<(string, int)> Map(long offset, string line) => [(line, Depth(line, line.Length))];
        """)]
    [InlineData("an iterator", """
        IEnumerable<int> Walk(int n)
        {
            if (n > 0) foreach (var x in Walk(n - 1)) yield return x;
            yield return n;
        }
        IEnumerable<(string, int)> Map(long offset, string line) => Walk(line.Length).Select(n => (line, n));
        """)]
    [InlineData("a lambda calling the method that makes it", """
        IEnumerable<(string, int)> Map(long offset, string line) =>
            line.Split(' ').Where(w => w.Length > 1).SelectMany(w => Map(offset, w[1..]));
        """)]
    public void A_script_with_recursion_is_recognised(string shape, string functions)
    {
        var script = Inspect("/// Recursion through " + shape + ".\n" + functions);

        Assert.True(script.Recursive, shape);
        Assert.StartsWith("the script has recursion", script.ProcessReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Helpers_lambdas_and_iterators_that_do_not_call_back_are_no_recursion()
    {
        var script = Inspect("""
            /// Words with helpers, an iterator, a local function and lambdas, none calling back.
            string Clean(string word) => Trim(word).ToLowerInvariant();
            string Trim(string word) => word.Trim('.', ',');
            IEnumerable<string> Words(string line)
            {
                foreach (var word in line.Split(' ')) yield return Clean(word);
            }
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                bool Keep(string w) => w.Length > 0;
                return Words(line).Where(Keep).Select(w => (w, 1));
            }
            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts) => [(word, counts.Sum())];
            """);

        Assert.False(script.Recursive);
        Assert.Null(script.ProcessReason);
    }

    [Fact]
    public void Recursion_through_a_delegate_the_script_stores_is_not_seen_as_the_readme_says()
    {
        var script = Inspect("""
            /// Recursion through a stored delegate.
            Func<int, int> depth = null!;
            depth = n => n == 0 ? 0 : 1 + depth(n - 1);
            IEnumerable<(string, int)> Map(long offset, string line) => [(line, depth(line.Length))];
            """);

        Assert.False(script.Recursive);
    }
}
