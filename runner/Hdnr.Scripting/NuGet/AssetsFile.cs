using System.Runtime.InteropServices;
using System.Text.Json;
using Hdnr.Scripting.Compilation;

namespace Hdnr.Scripting.NuGet;

/// <summary>Reads the compile and runtime files of every package in a restore's closure from its <c>obj/project.assets.json</c>.</summary>
/// <remarks>
/// Runtime files are the package's <c>runtime</c> dlls, replaced by its <c>runtimeTargets</c> dlls for the most specific
/// runtime identifier of this machine when it has some (as the SDK does at publish), plus that identifier's native
/// libraries. Dlls the shared framework provides are left out: the framework's copy is the one that loads.
/// </remarks>
internal static class AssetsFile
{
    /// <summary>This machine's runtime identifiers, most specific first, e.g. linux-x64, linux, unix, any.</summary>
    private static readonly string[] RuntimeIdentifiers = FindRuntimeIdentifiers();

    /// <summary>Reads <paramref name="path"/> for target framework <paramref name="framework"/>.</summary>
    public static PackageAssets Read(string path, string framework)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var folders = root.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
        var libraries = root.GetProperty("libraries");
        var compile = new List<string>();
        var runtime = new List<string>();
        foreach (var package in root.GetProperty("targets").GetProperty(framework).EnumerateObject())
        {
            if (!package.Value.TryGetProperty("type", out var type) || type.GetString() != "package")
                continue;
            var libraryPath = libraries.GetProperty(package.Name).GetProperty("path").GetString()!;
            var files = new PackageFiles(folders, libraryPath);
            files.AddDlls(Names(package.Value, "compile"), compile);
            var ridRuntime = RidSpecific(package.Value, "runtime");
            files.AddDlls(ridRuntime.Count > 0 ? ridRuntime : Names(package.Value, "runtime"), runtime);
            files.AddNatives(RidSpecific(package.Value, "native"), runtime);
        }
        return new PackageAssets(compile, runtime);
    }

    private static List<string> Names(JsonElement package, string group) =>
        package.TryGetProperty(group, out var assets) ? assets.EnumerateObject().Select(a => a.Name).ToList() : [];

    /// <summary>The package's <c>runtimeTargets</c> of <paramref name="assetType"/> for the most specific identifier of this machine that it has.</summary>
    private static List<string> RidSpecific(JsonElement package, string assetType)
    {
        if (!package.TryGetProperty("runtimeTargets", out var targets))
            return [];
        var best = int.MaxValue;
        var chosen = new List<string>();
        foreach (var asset in targets.EnumerateObject())
        {
            if (asset.Value.TryGetProperty("assetType", out var kind) && kind.GetString() == assetType
                && asset.Value.TryGetProperty("rid", out var rid)
                && Array.IndexOf(RuntimeIdentifiers, rid.GetString()) is var rank and >= 0 && rank <= best)
            {
                if (rank < best)
                    chosen.Clear();
                best = rank;
                chosen.Add(asset.Name);
            }
        }
        return chosen;
    }

    private static string[] FindRuntimeIdentifiers()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        string[] chain = [RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}", os, OperatingSystem.IsWindows() ? "win" : "unix", "any"];
        return [.. chain.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Finds one package's files in the package folders.</summary>
    private sealed class PackageFiles(List<string> folders, string libraryPath)
    {
        public void AddDlls(List<string> names, List<string> into)
        {
            foreach (var name in names)
                // "_._" marks an asset the framework supplies.
                if (name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                    && !FrameworkAssemblies.Names.Contains(Path.GetFileNameWithoutExtension(name)))
                    Add(name, into);
        }

        public void AddNatives(List<string> names, List<string> into)
        {
            foreach (var name in names)
                if (!name.EndsWith("/_._", StringComparison.Ordinal))
                    Add(name, into);
        }

        private void Add(string name, List<string> into)
        {
            var file = folders
                .Select(folder => Path.GetFullPath(Path.Combine(folder, libraryPath, name)))
                .FirstOrDefault(File.Exists)
                ?? throw new IOException($"NuGet restored {libraryPath} but {name} is in none of its package folders.");
            if (!into.Contains(file))
                into.Add(file);
        }
    }
}
