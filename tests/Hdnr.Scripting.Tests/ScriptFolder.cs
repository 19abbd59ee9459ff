using Hdnr.Scripting.Caching;

namespace Hdnr.Scripting.Tests;

/// <summary>A temp folder holding a test's scripts and its own compile cache, used as the "current directory" of the load.</summary>
internal sealed class ScriptFolder : IDisposable
{
    private ScriptFolder(string path)
    {
        Path = path;
        CacheRoot = System.IO.Path.Combine(path, ".cache", "hdnr");
    }

    public string Path { get; }

    public string CacheRoot { get; }

    public static ScriptFolder Create() => new(Directory.CreateTempSubdirectory("hdnr-scripting-tests-").FullName);

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> (creating folders) and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Loads <paramref name="scriptPath"/> as if the user ran hdnr in this folder.</summary>
    public CompiledScript Load(string scriptPath) => ScriptCompiler.Load(scriptPath, ScriptCache.Open(CacheRoot), Path);

    /// <summary>The error lines a failing load reports.</summary>
    public IReadOnlyList<string> Errors(string scriptPath) =>
        Assert.Throws<ScriptCompilationException>(() => Load(scriptPath)).Diagnostics;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A dll still mapped by the test process cannot always be removed; the OS temp cleaner will.
        }
    }
}
