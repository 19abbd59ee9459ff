using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;

namespace Hdnr.Runtime.Jobs;

/// <summary>The load context of one script: its own NuGet dependencies, everything else from the host's default context.</summary>
/// <remarks>
/// An assembly the host already has or can load (hdnr itself, the framework) must come from the default context:
/// loaded twice, ScriptGlobals would be two different types and binding the script would fail.
/// </remarks>
internal sealed class ScriptLoadContext : AssemblyLoadContext
{
    private readonly Dictionary<string, string> _assemblies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _natives = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _hostAssemblies;

    public ScriptLoadContext(string name, IReadOnlyList<string> dependencyPaths)
        : base($"hdnr script {name}", isCollectible: false)
    {
        foreach (var path in dependencyPaths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)) Index(file);
            }
            else if (File.Exists(path))
            {
                Index(path);
            }
        }
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension);
        _hostAssemblies = new HashSet<string>(trusted!, StringComparer.OrdinalIgnoreCase);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Script dependencies are loaded whole; hdnr never trims them.")]
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null) return null;
        if (_hostAssemblies.Contains(name) || Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase)))
            return null;
        return _assemblies.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var name = Path.GetFileName(unmanagedDllName);
        foreach (var candidate in new[] { name, $"lib{name}.so", $"{name}.so", $"lib{name}" })
        {
            if (_natives.TryGetValue(candidate, out var path)) return LoadUnmanagedDllFromPath(path);
        }
        return IntPtr.Zero;
    }

    private void Index(string file)
    {
        var fileName = Path.GetFileName(file);
        if (fileName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            _assemblies.TryAdd(Path.GetFileNameWithoutExtension(fileName), file);
        else if (fileName.EndsWith(".so", StringComparison.OrdinalIgnoreCase) || fileName.Contains(".so.", StringComparison.Ordinal))
            _natives.TryAdd(fileName, file);
    }
}
