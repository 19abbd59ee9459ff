using System.Runtime.Loader;
using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Tests.Support;
using Hdnr.Runtime.Wire;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hdnr.Runtime.Tests.Jobs;

/// <summary>A compiled script loads in a context of its own that finds its NuGet dlls and shares hdnr with the host.</summary>
public sealed class ScriptAssemblyLoaderTests
{
    private const string UsesGreeter = "IEnumerable<(string, int)> Map(long o, string l) => [(Greeting.Greeter.Hello(l), 1)];";

    [Fact]
    public void The_script_gets_a_context_of_its_own_but_the_hosts_hdnr_runtime()
    {
        var assembly = Scripts.Compile("IEnumerable<(string, int)> Map(long o, string l) => [(l, 1)];");
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(assembly));
        var runtimeSeenByScript = AssemblyLoadContext.GetLoadContext(assembly)!.LoadFromAssemblyName(new System.Reflection.AssemblyName("Hdnr.Runtime"));
        Assert.Same(typeof(ScriptGlobals).Assembly, runtimeSeenByScript);
    }

    [Fact]
    public void A_dependency_is_found_in_a_folder_of_package_dlls()
    {
        var (library, reference) = BuildGreeterLibrary();
        var script = Scripts.Emit(UsesGreeter, extra: [reference]);
        var job = ScriptJob.Create(ScriptAssemblyLoader.Load(script, [Path.GetDirectoryName(library)!]), new RecordingReporter(), TaskContext.OfProcess(TaskKind.Map));
        Assert.Equal("hello, x\t1\n", Encoding.UTF8.GetString(Scripts.Run(job, TaskKind.Map, TaskIo.Text, "x\n"u8.ToArray())));
    }

    [Fact]
    public void A_dependency_is_found_by_its_dll_path()
    {
        var (library, reference) = BuildGreeterLibrary();
        var script = Scripts.Emit(UsesGreeter, extra: [reference]);
        var job = ScriptJob.Create(ScriptAssemblyLoader.Load(script, [library]), new RecordingReporter(), TaskContext.OfProcess(TaskKind.Map));
        Assert.Equal("hello, y\t1\n", Encoding.UTF8.GetString(Scripts.Run(job, TaskKind.Map, TaskIo.Text, "y\n"u8.ToArray())));
    }

    [Fact]
    public void Without_the_dependency_the_script_fails_naming_the_missing_assembly()
    {
        var (_, reference) = BuildGreeterLibrary();
        var script = Scripts.Emit(UsesGreeter, extra: [reference]);
        var job = ScriptJob.Create(ScriptAssemblyLoader.Load(script, []), new RecordingReporter(), TaskContext.OfProcess(TaskKind.Map));
        var failure = Assert.Throws<ScriptException>(() => Scripts.Run(job, TaskKind.Map, TaskIo.Text, "y\n"u8.ToArray()));
        Assert.IsType<FileNotFoundException>(failure.InnerException);
        Assert.Contains("Greeting", failure.Message);
    }

    private static (string Path, MetadataReference Reference) BuildGreeterLibrary()
    {
        var compilation = CSharpCompilation.Create(
            "Greeting",
            [CSharpSyntaxTree.ParseText("namespace Greeting; public static class Greeter { public static string Hello(string name) => \"hello, \" + name; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var folder = Directory.CreateTempSubdirectory("hdnr-package-").FullName;
        var path = Path.Combine(folder, "Greeting.dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return (path, MetadataReference.CreateFromFile(path));
    }
}
