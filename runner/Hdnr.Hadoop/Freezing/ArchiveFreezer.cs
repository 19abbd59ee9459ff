using System.Diagnostics;
using System.Globalization;
using Hdnr.Runtime.Files;
using Hdnr.Scripting;

namespace Hdnr.Hadoop.Freezing;

/// <summary><c>hdnr SCRIPT freeze ARCHIVE</c>: the bundle written as <c>.tar</c>, <c>.tar.gz</c> or <c>.tgz</c>, with side files at its root.</summary>
public static class ArchiveFreezer
{
    /// <summary>Freezes <paramref name="compiled"/> into <paramref name="archivePath"/> and says on <paramref name="log"/> what was written.</summary>
    public static FrozenBundle Freeze(CompiledScript compiled, string archivePath, FreezeMode mode, IReadOnlyList<string> sideFiles, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(sideFiles);
        ArgumentNullException.ThrowIfNull(log);
        CheckArchivePath(archivePath);
        CheckSideFiles(sideFiles, [Freezer.ExecutableName(compiled.ScriptPath)]);
        var watch = Stopwatch.StartNew();
        var bundle = Freezer.Bundle(compiled, mode, log);
        CheckSideFiles(sideFiles, Directory.EnumerateFileSystemEntries(bundle.Directory).Select(Path.GetFileName).ToList()!);
        BundleArchive.Write(bundle.Directory, sideFiles, archivePath);
        var size = new FileInfo(archivePath).Length;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hdnr: froze {bundle.Name} ({FreezeModes.Name(mode)}{(bundle.Reused ? ", reused" : "")}) into {archivePath}: {size / 1048576.0:0.0} MiB in {watch.Elapsed.TotalSeconds:0.0} s"));
        return bundle;
    }

    public static void CheckArchivePath(string archivePath)
    {
        if (!BundleArchive.IsArchivePath(archivePath))
            throw new HadoopToolException($"freeze writes a .tar, .tar.gz or .tgz archive; '{archivePath}' is none of them");
        // A folder that is missing or takes no new file is told before the minutes a publish costs, as writetb tells it.
        var folder = Path.GetDirectoryName(Path.GetFullPath(archivePath))!;
        if (!Directory.Exists(folder))
            throw new HadoopToolException($"{archivePath}: the folder {folder} does not exist.");
        var (probe, temp) = AtomicFile.Create(archivePath);
        probe.Dispose();
        AtomicFile.TryDelete(temp);
    }

    /// <summary>Refuses a side file that is missing, or that would land on another (<paramref name="bundleNames"/>: the bundle's own root entries), as tar's extraction would let the later one replace the first.</summary>
    public static void CheckSideFiles(IReadOnlyList<string> sideFiles, IReadOnlyList<string> bundleNames)
    {
        foreach (var file in sideFiles)
        {
            if (!File.Exists(file))
                throw new HadoopToolException($"-Z {file}: no such file");
        }
        var clash = sideFiles.GroupBy(Path.GetFileName).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new HadoopToolException($"-Z: two side files are named {clash.Key}; each lands at the archive's root by its name");
        var taken = sideFiles.FirstOrDefault(f => bundleNames.Contains(Path.GetFileName(f), StringComparer.Ordinal));
        if (taken is not null)
            throw new HadoopToolException($"-Z {taken}: the bundle already has {Path.GetFileName(taken)} at the archive's root, which this side file would replace when unpacked; rename it");
    }
}
