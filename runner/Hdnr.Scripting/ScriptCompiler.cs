using System.Runtime.CompilerServices;
using Hdnr.Scripting.Caching;
using Hdnr.Scripting.Compilation;
using Hdnr.Scripting.Directives;

namespace Hdnr.Scripting;

/// <summary>Turns a .csx path into a compiled job, from the compile cache when nothing it depends on has changed.</summary>
/// <remarks>
/// The hit path reads the script and its <c>#load</c>ed files, hashes them and checks one manifest; it must never touch a
/// Roslyn type, so that a warm task start stays in the tens of milliseconds. Everything that compiles lives behind
/// <see cref="CompileAndStore"/>.
/// </remarks>
public static class ScriptCompiler
{
    /// <summary>Returns the compiled script at <paramref name="scriptPath"/>, compiling it on a cache miss.</summary>
    /// <exception cref="ScriptCompilationException">The script, a file it loads, or a package it references has errors.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="scriptPath"/>.</exception>
    public static CompiledScript Load(string scriptPath)
    {
        RoslynProbe.ReportAtExitIfAsked();
        return Load(scriptPath, ScriptCache.Open(CacheDirectory.Locate()), Environment.CurrentDirectory);
    }

    /// <summary>Returns the compiled script at <paramref name="scriptPath"/> (relative to <paramref name="currentDirectory"/>) from <paramref name="cache"/>, compiling it on a miss.</summary>
    internal static CompiledScript Load(string scriptPath, ScriptCache cache, string currentDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(scriptPath);
        var closure = ScriptClosure.Read(scriptPath, currentDirectory);
        var key = CacheKey.Of(closure);
        if (cache.TryRead(key) is { } manifest)
            return new CompiledScript(scriptPath, cache.AssemblyPath(key), manifest.DependencyPaths, manifest.Doc, manifest.Tasks, manifest.Sort);
        return CompileAndStore(closure, cache, key);
    }

    // Not inlined, so that JIT-compiling Load never resolves the compiler's types.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CompiledScript CompileAndStore(ScriptClosure closure, ScriptCache cache, string key) =>
        ScriptBuilder.Build(closure, cache, key);
}
