namespace Hdnr.Scripting.NuGet;

/// <summary>The dlls a set of restored packages brings: what the script compiles against and what it loads at run time.</summary>
internal sealed class PackageAssets(IReadOnlyList<string> compilePaths, IReadOnlyList<string> runtimePaths)
{
    public static PackageAssets None { get; } = new([], []);

    public IReadOnlyList<string> CompilePaths { get; } = compilePaths;

    public IReadOnlyList<string> RuntimePaths { get; } = runtimePaths;
}
