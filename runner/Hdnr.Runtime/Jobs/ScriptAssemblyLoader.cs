using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Hdnr.Runtime.Jobs;

/// <summary>Loads a compiled script and the NuGet assemblies it references, sharing hdnr and the framework with the host.</summary>
public static class ScriptAssemblyLoader
{
    /// <summary>Loads the script dll at <paramref name="assemblyPath"/> (its PDB is embedded) in a context of its own that finds dependencies among <paramref name="dependencyPaths"/> (dll files, or folders holding them).</summary>
    [RequiresUnreferencedCode("Loads a script compiled at run time.")]
    public static Assembly Load(string assemblyPath, IReadOnlyList<string> dependencyPaths)
    {
        ArgumentNullException.ThrowIfNull(assemblyPath);
        ArgumentNullException.ThrowIfNull(dependencyPaths);
        var fullPath = Path.GetFullPath(assemblyPath);
        var context = new ScriptLoadContext(Path.GetFileNameWithoutExtension(fullPath), dependencyPaths);
        return context.LoadFromAssemblyPath(fullPath);
    }
}
