using System.Reflection;
using System.Runtime.Loader;

namespace Hdnr.Scripting.Tests;

/// <summary>A cache hit must not load the compiler: that is what keeps a warm task start fast.</summary>
public sealed class RoslynLoadingTests : IDisposable
{
    private readonly ScriptFolder folder = ScriptFolder.Create();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_cache_hit_loads_no_Roslyn_assembly_and_a_miss_does()
    {
        var cached = folder.Write("cached.csx", "/// Hit.\nIEnumerable<(string, int)> Map(long o, string line) { yield return (line, 1); }\n");
        var fresh = folder.Write("fresh.csx", "/// Miss.\nIEnumerable<(string, int)> Map(long o, string line) { yield return (line, 2); }\n");
        folder.Load(cached);

        // A fresh copy of hdnr's assemblies in their own context sees only what this call loads, not what other tests did.
        var context = new IsolatedContext();
        var compiler = context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "Hdnr.Scripting.dll"))
            .GetType("Hdnr.Scripting.ScriptCompiler", throwOnError: true)!;
        var cache = context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "Hdnr.Scripting.dll"))
            .GetType("Hdnr.Scripting.Caching.ScriptCache", throwOnError: true)!;
        var load = compiler.GetMethod("Load", BindingFlags.NonPublic | BindingFlags.Static)!;
        var open = cache.GetMethod("Open", BindingFlags.Public | BindingFlags.Static)!;

        var hit = load.Invoke(null, [cached, open.Invoke(null, [folder.CacheRoot]), folder.Path])!;

        Assert.Equal("Hit.", hit.GetType().GetProperty("Doc")!.GetValue(hit));
        Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        try
        {
            load.Invoke(null, [fresh, open.Invoke(null, [folder.CacheRoot]), folder.Path]);
        }
        catch (TargetInvocationException)
        {
            // Whether the miss gets through shape checking in a foreign context does not matter: only that it needed Roslyn.
        }
        Assert.Contains(context.Assemblies, a => a.GetName().Name == "Microsoft.CodeAnalysis.CSharp");
    }

    [Fact]
    public void The_probe_sees_Roslyn_once_a_script_was_compiled_in_this_process()
    {
        folder.Load(folder.Write("job.csx", "var x = 1;\n"));

        Assert.True(RoslynProbe.IsRoslynLoaded());
        Assert.Equal("hdnr: roslyn loaded: yes", RoslynProbe.Report());
    }

    /// <summary>Loads every assembly that sits next to the tests afresh; the framework comes from the default context.</summary>
    private sealed class IsolatedContext() : AssemblyLoadContext("hdnr-roslyn-probe", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
