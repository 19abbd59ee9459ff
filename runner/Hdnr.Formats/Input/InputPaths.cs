using System.Text;
using System.Text.RegularExpressions;

namespace Hdnr.Formats.Input;

/// <summary>Expands <c>-input</c> arguments to files as Hadoop's FileInputFormat.listStatus does: globs, then a directory's files, skipping names that start with <c>_</c> or <c>.</c>.</summary>
public static class InputPaths
{
    /// <summary>The files the inputs name, in order: each argument's matches sorted by name, a directory's files sorted by name.</summary>
    /// <exception cref="InputPathException">An input matches nothing, or a directory holds a directory (Hadoop: "Not a file").</exception>
    /// <param name="inputs">The <c>-input</c> arguments.</param>
    /// <param name="recursive">Hadoop's <c>mapreduce.input.fileinputformat.input.dir.recursive</c>: a directory's directories are listed too, in place, instead of refused.</param>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs, bool recursive = false)
    {
        var files = new List<string>();
        var problems = new List<string>();
        foreach (var input in inputs)
        {
            var matches = Glob(Path.GetFullPath(input));
            if (matches.Count == 0)
            {
                problems.Add(HasGlob(input)
                    ? $"Input Pattern file:{Path.GetFullPath(input)} matches 0 files"
                    : $"Input path does not exist: file:{Path.GetFullPath(input)}");
                continue;
            }
            foreach (var match in matches)
            {
                if (!Directory.Exists(match))
                {
                    files.Add(match);
                    continue;
                }
                AddFiles(match, recursive, files);
            }
        }
        if (problems.Count > 0) throw new InputPathException(string.Join("; ", problems));
        return files;
    }

    // A directory's files by name; its directories are refused, or listed in their place when recursive
    // (FileInputFormat.addInputPathRecursively, which applies the hidden-file filter at every level).
    private static void AddFiles(string directory, bool recursive, List<string> files)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory).Where(e => !IsHidden(e)).Order(StringComparer.Ordinal))
        {
            if (!Directory.Exists(entry)) files.Add(entry);
            else if (recursive) AddFiles(entry, recursive, files);
            else throw new InputPathException($"Not a file: file:{entry}");
        }
    }

    /// <summary>Hadoop's hiddenFileFilter: names starting with <c>_</c> (like <c>_SUCCESS</c>) or <c>.</c> are not input.</summary>
    public static bool IsHidden(string path)
    {
        var name = Path.GetFileName(path.TrimEnd('/'));
        return name.StartsWith('_') || name.StartsWith('.');
    }

    private static bool HasGlob(string path) => path.IndexOfAny(['*', '?', '[', '{']) >= 0;

    // Matches an absolute path segment by segment, so only the segments with glob characters list directories.
    private static List<string> Glob(string fullPath)
    {
        if (!HasGlob(fullPath))
            return (File.Exists(fullPath) || Directory.Exists(fullPath)) && !IsHidden(fullPath) ? [fullPath] : [];
        var segments = fullPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { "/" };
        foreach (var segment in segments)
        {
            var next = new List<string>();
            if (!HasGlob(segment))
            {
                foreach (var dir in current)
                {
                    var path = Path.Combine(dir, segment);
                    if (File.Exists(path) || Directory.Exists(path)) next.Add(path);
                }
            }
            else
            {
                var pattern = new Regex(ToRegex(segment), RegexOptions.CultureInvariant);
                foreach (var dir in current.Where(Directory.Exists))
                {
                    next.AddRange(Directory.EnumerateFileSystemEntries(dir)
                        .Where(e => pattern.IsMatch(Path.GetFileName(e)) && !IsHidden(e))
                        .Order(StringComparer.Ordinal));
                }
            }
            current = next;
        }
        return current;
    }

    // Hadoop's GlobPattern: * ? [set] [^set] {a,b} and backslash escapes, within one path segment.
    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '\\' when i + 1 < glob.Length:
                    regex.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0) goto default;
                    var set = glob[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + set[1..].Replace("\\", "\\\\") : set.Replace("\\", "\\\\")).Append(']');
                    i = close;
                    break;
                case '{':
                    braces++;
                    regex.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    regex.Append(')');
                    break;
                case ',' when braces > 0:
                    regex.Append('|');
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return regex.Append('$').ToString();
    }
}
