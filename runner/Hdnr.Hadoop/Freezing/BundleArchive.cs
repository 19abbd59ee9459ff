using System.Formats.Tar;
using System.IO.Compression;
using Hdnr.Runtime.Files;

namespace Hdnr.Hadoop.Freezing;

/// <summary>Writes a bundle folder (and side files) as a <c>.tar</c>, <c>.tar.gz</c> or <c>.tgz</c> whose root holds the executable, keeping the executable bit.</summary>
internal static class BundleArchive
{
    /// <summary>True when <paramref name="path"/> names an archive freeze can write.</summary>
    public static bool IsArchivePath(string path) =>
        path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) || IsGzip(path);

    private static bool IsGzip(string path) =>
        path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes <paramref name="bundle"/>'s files and then <paramref name="sideFiles"/> (at the root, by file name) into <paramref name="archivePath"/>, atomically.</summary>
    public static void Write(string bundle, IReadOnlyList<string> sideFiles, string archivePath)
    {
        var full = Path.GetFullPath(archivePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var (file, temp) = AtomicFile.Create(full, bufferSize: 1 << 16);
        try
        {
            using (file)
            {
                using var compressed = IsGzip(full) ? new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true) : null;
                using (var tar = new TarWriter(compressed ?? (Stream)file, TarEntryFormat.Gnu, leaveOpen: true))
                {
                    foreach (var path in Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                        Add(tar, path, Path.GetRelativePath(bundle, path).Replace('\\', '/'));
                    foreach (var side in sideFiles)
                        Add(tar, side, Path.GetFileName(side));
                }
            }
        }
        catch
        {
            AtomicFile.TryDelete(temp);
            throw;
        }
        AtomicFile.Commit(temp, full);
    }

    private static void Add(TarWriter tar, string path, string name)
    {
        var entry = new GnuTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(path),
            ModificationTime = File.GetLastWriteTimeUtc(path),
            UserName = "",
            GroupName = "",
        };
        using var data = File.OpenRead(path);
        entry.DataStream = data;
        tar.WriteEntry(entry);
    }

    /// <summary>The names of the entries in an archive (for tests and <c>--print-command</c> checks).</summary>
    public static IReadOnlyList<(string Name, UnixFileMode Mode, long Length)> List(string archivePath)
    {
        using var file = File.OpenRead(archivePath);
        using var compressed = IsGzip(archivePath) ? new GZipStream(file, CompressionMode.Decompress) : null;
        using var tar = new TarReader(compressed ?? (Stream)file);
        var entries = new List<(string, UnixFileMode, long)>();
        while (tar.GetNextEntry() is { } entry) entries.Add((entry.Name, entry.Mode, entry.Length));
        return entries;
    }
}
