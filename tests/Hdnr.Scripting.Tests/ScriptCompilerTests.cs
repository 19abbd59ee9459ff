using Hdnr.Runtime.Jobs;

namespace Hdnr.Scripting.Tests;

/// <summary>A .csx file to a compiled job: doc, tasks, #load and #r, as the CLI sees them.</summary>
public sealed class ScriptCompilerTests : IDisposable
{
    private const string WordCount = """
        /// Word count: counts each word of the input.
        /// Second line of the doc.
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

    private readonly ScriptFolder folder = ScriptFolder.Create();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_plain_script_compiles_to_a_cached_dll_with_its_doc_and_tasks()
    {
        folder.Write("wc.csx", WordCount);

        var compiled = folder.Load("wc.csx");

        Assert.Equal("wc.csx", compiled.ScriptPath);
        Assert.Equal("Word count: counts each word of the input.\nSecond line of the doc.", compiled.Doc);
        Assert.Equal([TaskKind.Map, TaskKind.Reduce], compiled.Tasks);
        Assert.Empty(compiled.DependencyPaths);
        Assert.StartsWith(Path.Combine(folder.CacheRoot, "scripts") + Path.DirectorySeparatorChar, compiled.AssemblyPath);
        Assert.True(File.Exists(compiled.AssemblyPath));
        var pairs = (IEnumerable<(string, int)>)ScriptRunner.Call(compiled, "Map", 0L, "a b a")!;
        Assert.Equal([("a", 1), ("b", 1), ("a", 1)], pairs);
    }

    [Theory]
    [InlineData("void Nothing() { }", new TaskKind[0])]
    [InlineData("IEnumerable<(string, int)> Combine(string k, IEnumerable<int> v) { yield break; }", new[] { TaskKind.Combine })]
    [InlineData("""
        IEnumerable<(string, int)> Combine(string k, IEnumerable<int> v) { yield break; }
        IEnumerable<(string, int)> Map(long offset, string line) { yield break; }
        IEnumerable<(string, int)> MapEnd() { yield break; }
        """, new[] { TaskKind.Map, TaskKind.Combine })]
    public void The_functions_a_script_defines_decide_its_tasks(string code, TaskKind[] tasks)
    {
        folder.Write("job.csx", code);

        Assert.Equal(tasks, folder.Load("job.csx").Tasks);
    }

    [Theory]
    [InlineData("/// Only a doc.\n")]
    [InlineData("#r \"System.Data\"\n/// Only a doc.\n// and a comment")]
    public void A_script_without_code_compiles_to_a_job_with_no_tasks(string text)
    {
        folder.Write("job.csx", text);

        var compiled = folder.Load("job.csx");

        Assert.Equal("Only a doc.", compiled.Doc);
        Assert.Empty(compiled.Tasks);
        Assert.True(File.Exists(compiled.AssemblyPath));
    }

    [Fact]
    public void Load_follows_nested_loads_relative_to_each_including_file()
    {
        folder.Write("jobs/main.csx", """
            #load "lib/words.csx"
            /// Uses helpers.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in Words(line))
                    yield return (Shout(word), 1);
            }
            """);
        folder.Write("jobs/lib/words.csx", """
            #load "../../shared/shout.csx"
            IEnumerable<string> Words(string line) => line.Split(' ');
            """);
        folder.Write("shared/shout.csx", "string Shout(string word) => word.ToUpperInvariant() + \"!\";\n");

        var compiled = folder.Load("jobs/main.csx");

        Assert.Equal("Uses helpers.", compiled.Doc);
        Assert.Equal([TaskKind.Map], compiled.Tasks);
        Assert.Equal([("HI!", 1)], (IEnumerable<(string, int)>)ScriptRunner.Call(compiled, "Map", 0L, "hi")!);
    }

    [Fact]
    public void A_dll_referenced_by_path_is_compiled_against_and_listed_as_a_dependency()
    {
        // Any small dll outside the framework will do: the xunit abstractions sit next to this test.
        var source = Path.Combine(AppContext.BaseDirectory, "xunit.abstractions.dll");
        Directory.CreateDirectory(Path.Combine(folder.Path, "lib"));
        var dll = Path.Combine(folder.Path, "lib", "xunit.abstractions.dll");
        File.Copy(source, dll);
        folder.Write("job.csx", """
            #r "lib/xunit.abstractions.dll"
            string Name() => typeof(Xunit.Abstractions.ITest).Name;
            """);

        var compiled = folder.Load("job.csx");

        Assert.Equal([dll], compiled.DependencyPaths);
        Assert.Equal("ITest", ScriptRunner.Call(compiled, "Name"));
    }

    [Fact]
    public void Globals_Counter_and_Status_are_in_scope()
    {
        folder.Write("job.csx", """
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                Counter("words", "lines", 1);
                Status("mapping");
                yield return (line, 1);
            }
            """);

        Assert.Equal([TaskKind.Map], folder.Load("job.csx").Tasks);
    }

    [Fact]
    public void An_exception_thrown_by_the_script_names_the_csx_file_and_line()
    {
        var path = folder.Write("job.csx", """
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                if (line == "bad")
                    throw new InvalidOperationException("cannot count this");
                yield return (line, 1);
            }
            """);

        var compiled = folder.Load("job.csx");
        var pairs = (IEnumerable<(string, int)>)ScriptRunner.Call(compiled, "Map", 0L, "bad")!;

        var error = Assert.Throws<InvalidOperationException>(() => pairs.ToList());
        Assert.Contains($"{path}:line 4", error.StackTrace);
    }

    [Fact]
    public void A_missing_script_is_a_file_not_found_naming_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => folder.Load("nope.csx"));

        Assert.Equal("nope.csx: no such script file.", error.Message);
    }
}
