using System.Text.RegularExpressions;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>Tells local paths from Hadoop URIs and lists the part files of an output directory as hadoopy does.</summary>
public static partial class HadoopPaths
{
    /// <summary>Whether the path has a scheme other than <c>file:</c> (hdfs://, s3a://, ...), so only Hadoop can read it.</summary>
    public static bool IsRemote(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = Scheme().Match(path);
        return match.Success && !match.Groups[1].Value.Equals("file", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The local file system path of a plain path or a <c>file:</c> URI.</summary>
    public static string ToLocal(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = Scheme().Match(path);
        if (!match.Success)
        {
            return path;
        }

        if (!match.Groups[1].Value.Equals("file", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{path} is not a local path.", nameof(path));
        }

        // file:/x, file:///x and file://localhost/x all name /x.
        var rest = path[(match.Length)..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? "/" : rest[slash..];
        }

        return Uri.UnescapeDataString(rest);
    }

    /// <summary>The files a path stands for: the file itself, or a directory's files in name order without those starting with <c>_</c> or <c>.</c>.</summary>
    public static IReadOnlyList<string> ExpandLocal(string path)
    {
        var local = ToLocal(path);
        if (File.Exists(local))
        {
            return [local];
        }

        if (Directory.Exists(local))
        {
            // Hadoop's _SUCCESS and _logs, and hidden files such as .crc checksums, are not data.
            return Directory.GetFiles(local)
                .Where(f => Path.GetFileName(f) is var name && !name.StartsWith('_') && !name.StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }

        throw new FileNotFoundException($"{path}: no such file or directory.", local);
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]+):")]
    private static partial Regex Scheme();
}
