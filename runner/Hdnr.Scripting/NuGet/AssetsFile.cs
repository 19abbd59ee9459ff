using System.Text.Json;
using Hdnr.Scripting.Compilation;

namespace Hdnr.Scripting.NuGet;

/// <summary>Reads the compile and runtime dlls of every package in a restore's closure from its <c>obj/project.assets.json</c>.</summary>
internal static class AssetsFile
{
    /// <summary>Reads <paramref name="path"/> for target framework <paramref name="framework"/>, leaving out dlls the shared framework already provides.</summary>
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
            Collect(package.Value, "compile", folders, libraryPath, compile);
            Collect(package.Value, "runtime", folders, libraryPath, runtime);
        }
        return new PackageAssets(compile, runtime);
    }

    private static void Collect(JsonElement package, string group, List<string> folders, string libraryPath, List<string> into)
    {
        if (!package.TryGetProperty(group, out var assets))
            return;
        foreach (var asset in assets.EnumerateObject())
        {
            // "_._" marks an asset the framework supplies.
            if (!asset.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                || FrameworkAssemblies.Names.Contains(Path.GetFileNameWithoutExtension(asset.Name)))
                continue;
            var file = folders
                .Select(folder => Path.GetFullPath(Path.Combine(folder, libraryPath, asset.Name)))
                .FirstOrDefault(File.Exists)
                ?? throw new IOException($"NuGet restored {libraryPath} but {asset.Name} is not in any package folder.");
            if (!into.Contains(file))
                into.Add(file);
        }
    }
}
