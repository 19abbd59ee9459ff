using System.Reflection;
using System.Text;
using Hdnr.Hadoop.Freezing;
using Hdnr.Runtime.Frozen;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Wire;
using Hdnr.Scripting;

namespace Hdnr.Hadoop.Tests;

/// <summary>Tests that set <see cref="ScriptLine"/>, a process-wide tracker, run one at a time.</summary>
[CollectionDefinition(nameof(ScriptLineCollection), DisableParallelization = true)]
public sealed class ScriptLineCollection;

/// <summary>
/// The script a native executable is built from, compiled with line stores, checked in-process (no AOT publish): it
/// compiles for every statement form, behaves as the script does, and, with no PDB to read, its failures name the same
/// .csx file and line as the script compiled by hdnr (with its PDB) does for the same input.
/// </summary>
[Collection(nameof(ScriptLineCollection))]
public sealed class LineTrackingTests : IDisposable
{
    private static readonly Lazy<(string Script, CompiledScript Compiled, string Tracked, IReadOnlyList<string> Files)> Script = new(() =>
    {
        var script = FailingScript.Write();
        var compiled = ScriptCompiler.Load(script);
        var tracked = LineTracking.Compile(script, compiled.AssemblyPath, []);
        var dll = Path.Combine(Path.GetDirectoryName(script)!, "tracked", Path.GetFileName(compiled.AssemblyPath));
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.WriteAllBytes(dll, tracked.Assembly);
        return (script, compiled, dll, tracked.Files);
    });

    [Fact]
    public void The_files_are_named_as_the_pdb_names_them_main_script_first()
    {
        var (script, _, _, files) = Script.Value;

        Assert.Equal([script, Path.Combine(Path.GetDirectoryName(script)!, "lib", "loaded.csx")], files);
    }

    [Fact]
    public void Every_line_keeps_its_number_and_a_statement_stores_its_own_line_before_it()
    {
        var (script, compiled, _, _) = Script.Value;

        var files = LineTracking.Rewrite(script, compiled.AssemblyPath, []);

        Assert.Equal(2, files.Count);
        var main = files[0].Text.Split('\n');
        Assert.Equal(FailingScript.Main.Split('\n').Length, main.Length);
        var line = FailingScript.Line("at:switch");
        Assert.Equal($"            global::Hdnr.Runtime.Frozen.ScriptLine.At={line};var n = long.Parse(arg); // at:switch", main[line - 1]);
        var loaded = files[1].Text.Split('\n');
        Assert.Equal(FailingScript.Loaded.Split('\n').Length, loaded.Length);
        Assert.Equal($"    global::Hdnr.Runtime.Frozen.ScriptLine.At={ScriptLine.Position(1, 5)};return long.Parse(s.Trim()); // at:loaded", loaded[4]);
        var folded = FailingScript.Line("at:local") + 1;
        Assert.Equal("                return long.Parse(t);", main[folded - 1]);
    }

    [Fact]
    public void The_script_with_line_stores_writes_what_the_script_writes()
    {
        var (_, compiled, dll, _) = Script.Value;

        foreach (var (kind, input) in new[] { (TaskKind.Map, "plain 1\ntree 7\nswitch 5\nafter 6\nexpr 8\nloaded 9\nlambda 1,2\ndeferred 3\nmovenext 4,5\nfinally 6\nlocal 7\niterator 8\nloop 9\n"), (TaskKind.Reduce, "a\t1\na\t2\nb\t5\n"), (TaskKind.Combine, "a\t-1\nb\t5\n") })
        {
            var expected = Run(Load(compiled.AssemblyPath, compiled), kind, input);
            var ours = Run(Track(dll, compiled), kind, input);

            Assert.Null(expected.Failure);
            Assert.Equal(expected, ours);
        }
    }

    [Theory]
    [MemberData(nameof(FailingScript.MapFailures), MemberType = typeof(FailingScript))]
    public void A_map_failure_names_the_same_file_and_line_as_hdnr(string line, string marker)
    {
        var (script, compiled, dll, _) = Script.Value;
        var input = "plain 1\n" + line + "\n";

        var expected = Run(Load(compiled.AssemblyPath, compiled), TaskKind.Map, input);
        var ours = Run(Track(dll, compiled), TaskKind.Map, input);

        Assert.StartsWith(FailingScript.Prefix(script, marker) + "Map failed at record 2 (byte offset 8): ", expected.Failure);
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void A_reduce_failure_in_an_iterator_names_the_same_line_as_hdnr()
    {
        var (script, compiled, dll, _) = Script.Value;
        const string input = "k\t1\nk\t-1\n";

        var expected = Run(Load(compiled.AssemblyPath, compiled), TaskKind.Reduce, input);
        var ours = Run(Track(dll, compiled), TaskKind.Reduce, input);

        Assert.StartsWith(FailingScript.Prefix(script, "at:reduce") + "Reduce failed at record 2 ", expected.Failure);
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void A_failure_in_library_code_alone_names_no_line_as_hdnr_names_none()
    {
        var (_, compiled, dll, _) = Script.Value;
        const string input = "k\t1\nk\t-9223372036854775808\n";

        var expected = Run(Load(compiled.AssemblyPath, compiled), TaskKind.Combine, input);
        var ours = Run(Track(dll, compiled), TaskKind.Combine, input);

        Assert.StartsWith("Combine failed at record 2 ", expected.Failure);
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void A_failure_in_the_top_level_statements_names_the_same_line_as_hdnr()
    {
        var (script, compiled, dll, _) = Script.Value;
        Environment.SetEnvironmentVariable("HDNR_TEST_FAIL_TOP", "1");
        try
        {
            var expected = Run(Load(compiled.AssemblyPath, compiled), TaskKind.Map, "plain 1\n");
            var ours = Run(Track(dll, compiled), TaskKind.Map, "plain 1\n");

            Assert.Equal(FailingScript.Prefix(script, "at:top") + "the script's top-level statements failed: InvalidOperationException: top-level failure", expected.Failure);
            Assert.Equal(expected, ours);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HDNR_TEST_FAIL_TOP", null);
        }
    }

    [Fact]
    public void A_script_that_only_loads_another_compiles_with_line_stores()
    {
        var folder = Directory.CreateTempSubdirectory("hdnr-loads-").FullName;
        File.WriteAllText(Path.Combine(folder, "lib.csx"), "IEnumerable<(string, int)> Map(long offset, string line)\n{\n    yield return (line, int.Parse(line));\n}\n");
        var script = Path.Combine(folder, "only.csx");
        File.WriteAllText(script, "#load \"lib.csx\"\n/// Only loads.\n");
        var compiled = ScriptCompiler.Load(script);

        var tracked = LineTracking.Compile(script, compiled.AssemblyPath, []);
        var dll = Path.Combine(folder, "tracked", Path.GetFileName(compiled.AssemblyPath));
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.WriteAllBytes(dll, tracked.Assembly);

        Assert.Equal([script, Path.Combine(folder, "lib.csx")], tracked.Files);
        Assert.Equal(Path.Combine(folder, "lib.csx") + ":3: Map failed at record 1 (byte offset 0): FormatException: The input string 'x' was not in a correct format.",
            Run(Track(dll, compiled, tracked.Files), TaskKind.Map, "x\n").Failure);
    }

    /// <summary>Leaves the tracker with no files, as in hdnr itself, for whatever runs in this process next.</summary>
    public void Dispose() => ScriptLine.Track("", []);

    private static Assembly Load(string dll, CompiledScript compiled) => ScriptAssemblyLoader.Load(dll, compiled.DependencyPaths);

    /// <summary>Loads the script with line stores and points the tracker at it, as a native executable's Program does.</summary>
    private static Assembly Track(string dll, CompiledScript compiled, IReadOnlyList<string>? files = null)
    {
        var assembly = Load(dll, compiled);
        ScriptLine.Track(assembly.GetName().Name!, [.. files ?? Script.Value.Files]);
        return assembly;
    }

    private static (string Output, string? Failure) Run(Assembly script, TaskKind kind, string input)
    {
        var output = new MemoryStream();
        try
        {
            var job = ScriptJob.Create(script, new StderrReporter(TextWriter.Null), TaskContext.OfProcess(TaskKind.Map));
            StreamingTask.Run(job, kind, TaskIo.Text, new MemoryStream(Encoding.UTF8.GetBytes(input)), output);
            return (Encoding.UTF8.GetString(output.ToArray()), null);
        }
        catch (ScriptException e)
        {
            return (Encoding.UTF8.GetString(output.ToArray()), TaskFailure.Describe(e));
        }
    }
}
