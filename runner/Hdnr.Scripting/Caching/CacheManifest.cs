using System.Text;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Scripting.Caching;

/// <summary>What a cache entry says about its dll: the dll's SHA-256, the tasks, the runtime dependencies and the doc.</summary>
/// <remarks>
/// A line format rather than JSON keeps the hit path free of serializers. Each line is a tag, a space and a value:
/// <c>hdnr-manifest 1</c>, <c>dll HEX</c>, then <c>task NAME</c>, <c>sort KINDS</c>, <c>dep PATH</c> and <c>doc LINE</c> lines, and
/// <c>end</c> last so a truncated file is never taken for a whole one. Values cannot hold newlines: paths with one are
/// refused, and the doc is stored one line per <c>doc</c> line.
/// </remarks>
internal sealed class CacheManifest(string dllSha256, IReadOnlyList<TaskKind> tasks, IReadOnlyList<string> dependencyPaths, string doc, ValueSort? sort = null)
{
    private const string Header = "hdnr-manifest 1";

    public string DllSha256 { get; } = dllSha256;

    public IReadOnlyList<TaskKind> Tasks { get; } = tasks;

    public IReadOnlyList<string> DependencyPaths { get; } = dependencyPaths;

    public string Doc { get; } = doc;

    /// <summary>Reduce's <c>[SortValues]</c>, stored as a <c>sort</c> line, so a cache hit knows the job's settings without loading the dll.</summary>
    public ValueSort? Sort { get; } = sort;

    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("dll ").Append(DllSha256).Append('\n');
        foreach (var task in Tasks)
            text.Append("task ").Append(task).Append('\n');
        if (Sort is not null)
            text.Append("sort ").Append(Sort).Append('\n');
        foreach (var path in DependencyPaths)
        {
            if (path.Contains('\n'))
                throw new IOException($"hdnr cannot cache a dependency whose path holds a newline: {path}");
            text.Append("dep ").Append(path).Append('\n');
        }
        if (Doc.Length > 0)
            foreach (var line in Doc.Split('\n'))
                text.Append("doc ").Append(line).Append('\n');
        text.Append("end\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Parses a manifest; null when it is not one this hdnr wrote whole.</summary>
    public static CacheManifest? Parse(string text)
    {
        var lines = text.Split('\n');
        // A complete manifest ends with "end\n", so the split leaves an empty last piece.
        if (lines.Length < 4 || lines[0] != Header || lines[^2] != "end" || lines[^1].Length != 0)
            return null;
        string? dll = null;
        // An array and a switch, not List<TaskKind> and Enum.TryParse: those are compiled on first use, which a warm start pays.
        var tasks = new TaskKind[3];
        var taskCount = 0;
        var dependencies = new List<string>();
        var doc = new List<string>();
        ValueSort? sort = null;
        for (var i = 1; i < lines.Length - 2; i++)
        {
            var line = lines[i];
            var space = line.IndexOf(' ');
            if (space < 0)
                return null;
            var value = line[(space + 1)..];
            switch (line[..space])
            {
                case "dll":
                    dll = value;
                    break;
                case "task" when taskCount < tasks.Length && TryParseTask(value, out var task):
                    tasks[taskCount++] = task;
                    break;
                case "sort" when ValueSort.Parse(value) is { } declared:
                    sort = declared;
                    break;
                case "dep":
                    dependencies.Add(value);
                    break;
                case "doc":
                    doc.Add(value);
                    break;
                default:
                    return null;
            }
        }
        if (dll is null)
            return null;
        var found = new TaskKind[taskCount];
        for (var i = 0; i < taskCount; i++)
            found[i] = tasks[i];
        return new CacheManifest(dll, found, dependencies, string.Join('\n', doc), sort);
    }

    private static bool TryParseTask(string name, out TaskKind task)
    {
        switch (name)
        {
            case "Map":
                task = TaskKind.Map;
                return true;
            case "Reduce":
                task = TaskKind.Reduce;
                return true;
            case "Combine":
                task = TaskKind.Combine;
                return true;
            default:
                task = default;
                return false;
        }
    }
}
