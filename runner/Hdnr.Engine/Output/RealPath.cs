// Output and commit: what a job may replace when it writes its output.
namespace Hdnr.Engine.Output;

/// <summary>A path with <c>.</c>, <c>..</c> and every symbolic link resolved, as realpath(3) gives it; a tail that does not exist is kept as written.</summary>
internal static class RealPath
{
    // Linux's limit on links followed in one lookup (ELOOP); beyond it the rest of the path is kept unresolved.
    private const int MaxLinks = 40;

    /// <summary>The real path of <paramref name="path"/>, relative to the working directory when it is not absolute.</summary>
    public static string Of(string path)
    {
        var links = 0;
        return Resolve("/", Path.Combine(Environment.CurrentDirectory, path), ref links);
    }

    // Walks the components from a directory that is already real, so `..` after a link goes up from the link's target.
    private static string Resolve(string start, string path, ref int links)
    {
        var current = start;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is not null && ++links <= MaxLinks)
            {
                current = Resolve(Path.IsPathRooted(target) ? "/" : current, target, ref links);
                continue;
            }
            if (target is null && !File.Exists(next) && !Directory.Exists(next))
                return Path.GetFullPath(Path.Combine([next, .. parts[(i + 1)..]]));
            current = next;
        }
        return current;
    }
}
