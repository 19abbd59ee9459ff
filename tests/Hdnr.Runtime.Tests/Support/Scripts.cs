using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Wire;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Hdnr.Runtime.Tests.Support;

/// <summary>Compiles real .csx scripts as hdnr's contract says (script compilation, ScriptGlobals, embedded PDB) and runs their tasks.</summary>
internal static class Scripts
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(ScriptGlobals).Assembly.Location))
            .ToArray());

    private static readonly string[] Usings =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.IO", "Hdnr.Runtime.TypedBytes", "Hdnr"];

    private static int s_count;

    /// <summary>Compiles <paramref name="source"/> as the script <paramref name="file"/> and emits it, with its embedded PDB, into a fresh folder.</summary>
    public static string Emit(string source, string file = "wc.csx", IEnumerable<MetadataReference>? extra = null)
    {
        var name = $"script{Interlocked.Increment(ref s_count)}_{Guid.NewGuid():N}";
        var tree = CSharpSyntaxTree.ParseText(
            source, new CSharpParseOptions(kind: SourceCodeKind.Script), path: file, encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.CreateScriptCompilation(
            name, tree, References.Value.Concat(extra ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: Usings, optimizationLevel: OptimizationLevel.Release),
            returnType: typeof(object), globalsType: typeof(ScriptGlobals));
        var folder = Directory.CreateTempSubdirectory("hdnr-test-").FullName;
        var path = Path.Combine(folder, name + ".dll");
        using (var dll = File.Create(path))
        {
            var result = compilation.Emit(dll, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
            if (!result.Success)
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        return path;
    }

    /// <summary>The compiled script assembly, loaded as the CLI loads it.</summary>
    public static Assembly Compile(string source, string file = "wc.csx") => ScriptAssemblyLoader.Load(Emit(source, file), []);

    /// <summary>The script's compiled class, for shape checks.</summary>
    public static Type ScriptType(string source) => Compile(source).GetType("Script")!;

    /// <summary>A bound job; counters and status go to <paramref name="reporter"/> (or nowhere).</summary>
    public static ScriptJob Job(string source, ITaskReporter? reporter = null, string file = "wc.csx") =>
        ScriptJob.Create(Compile(source, file), reporter ?? new RecordingReporter(), TaskContext.OfProcess(TaskKind.Map));

    /// <summary>Runs a task of <paramref name="job"/> over <paramref name="input"/> and returns the output bytes.</summary>
    public static byte[] Run(ScriptJob job, TaskKind kind, TaskIo io, byte[] input)
    {
        var output = new MemoryStream();
        StreamingTask.Run(job, kind, io, new MemoryStream(input), output);
        return output.ToArray();
    }

    /// <summary>Runs a text task and returns its output as a string.</summary>
    public static string RunText(string source, TaskKind kind, string input) =>
        Encoding.UTF8.GetString(Run(Job(source), kind, TaskIo.Text, Encoding.UTF8.GetBytes(input)));

    /// <summary>What a task wrote before it failed, with the failure.</summary>
    public static (string Output, Exception Failure) RunTextFailing(string source, TaskKind kind, string input, string file = "wc.csx")
    {
        var job = Job(source, file: file);
        var output = new MemoryStream();
        var failure = Assert.ThrowsAny<Exception>(() =>
            StreamingTask.Run(job, kind, TaskIo.Text, new MemoryStream(Encoding.UTF8.GetBytes(input)), output));
        return (Encoding.UTF8.GetString(output.ToArray()), failure);
    }

    /// <summary>The repository's tests/fixtures folder, wherever the tests were built.</summary>
    public static string Fixture(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "fixtures", name);
}
