using System.Runtime.CompilerServices;

namespace Hdnr.Tests;

/// <summary>Finds the repository's fixtures and the shared vectors beside the repository.</summary>
internal static class TestFiles
{
    private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);

    /// <summary>The folder of fixtures written by Hadoop and kept in the repository.</summary>
    public static string Fixtures => Path.Combine(RepoRoot.Value, "tests", "fixtures");

    /// <summary>The shared vectors folder (may be absent).</summary>
    public static string SharedVectors => Path.GetFullPath(Path.Combine(RepoRoot.Value, "..", "shared", "vectors"));

    /// <summary>Whether the shared vectors are present.</summary>
    public static bool HaveSharedVectors => Directory.Exists(SharedVectors);

    /// <summary>A fixture's full path.</summary>
    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    /// <summary>A shared vector's full path, e.g. <c>hadoop-written/wc-input-alice.tb</c>.</summary>
    public static string Shared(string relative) => Path.Combine(SharedVectors, relative);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Runner.sln")))
            {
                return dir.FullName;
            }
        }

        // Built outside the tree (--artifacts-path): fall back to where this source file was compiled from.
        var source = SourceFile();
        for (var dir = new FileInfo(source).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Runner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder holding Runner.sln above {AppContext.BaseDirectory} or {source}.");
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
