using Hdnr.Runtime.Jobs;

namespace Hdnr.Scripting;

/// <summary>A script compiled to a cached dll, with what <c>info</c> and the task runner need to know about it.</summary>
public sealed class CompiledScript(
    string scriptPath, string assemblyPath, IReadOnlyList<string> dependencyPaths, string doc, IReadOnlyList<TaskKind> tasks, ValueSort? sort = null)
{
    /// <summary>The sort Reduce's <c>[SortValues]</c> declares, read from the compiled script's metadata; null when it has none.</summary>
    public ValueSort? Sort { get; } = sort;

    /// <summary>The script's path as the user gave it.</summary>
    public string ScriptPath { get; } = scriptPath;

    /// <summary>The compiled dll in the cache, with its portable PDB embedded.</summary>
    public string AssemblyPath { get; } = assemblyPath;

    /// <summary>The runtime dlls the script needs besides the framework and Hdnr.Runtime: NuGet packages and <c>#r</c> dlls.</summary>
    public IReadOnlyList<string> DependencyPaths { get; } = dependencyPaths;

    /// <summary>The script's leading documentation comment, without its comment markers; empty when it has none.</summary>
    /// <remarks>
    /// The doc is the first <c>///</c> run or <c>/** */</c> block before the first code token; a <c>#!</c> line, <c>#r</c>,
    /// <c>#load</c> and other directives, blank lines and plain comments may come before (or after) it.
    /// </remarks>
    public string Doc { get; } = doc;

    /// <summary>The tasks the script defines, in <see cref="TaskKind"/> order.</summary>
    public IReadOnlyList<TaskKind> Tasks { get; } = tasks;
}
