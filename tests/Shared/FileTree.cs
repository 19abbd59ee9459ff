using System.Text;

namespace Hdnr.Tests;

/// <summary>Everything under a directory as one comparable value: each entry's relative path with its bytes as text, <c>/</c> for a directory, <c>-> target</c> for a symbolic link.</summary>
internal static class FileTree
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var name = Path.GetRelativePath(root, entry.FullName);
            tree[name] = entry.LinkTarget is { } target ? "-> " + target
                : entry is DirectoryInfo ? "/"
                : Encoding.UTF8.GetString(File.ReadAllBytes(entry.FullName));
        }
        return tree;
    }
}
