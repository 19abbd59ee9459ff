using System.Security.Cryptography;
using Hdnr.Runtime.Files;

namespace Hdnr.Scripting.Caching;

/// <summary>The compiled scripts under <c>CACHE/scripts</c>: <c>KEY.dll</c> and <c>KEY.manifest</c>, the manifest written last.</summary>
/// <remarks>
/// An entry counts only when its manifest is whole, its dll has the checksum the manifest names and its dependencies still
/// exist; anything else is compiled again. An entry that is not the user's alone is refused: the checksum proves the dll
/// whole, not whose it is.
/// </remarks>
internal sealed class ScriptCache(string root)
{
    /// <summary>The cache folder, e.g. <c>~/.cache/hdnr</c>.</summary>
    public string Root { get; } = root;

    public string ScriptsFolder { get; } = Path.Combine(root, "scripts");

    /// <summary>Opens the cache at <paramref name="root"/>, creating its folders private to the user.</summary>
    public static ScriptCache Open(string root)
    {
        CacheDirectory.EnsurePrivate(root);
        var cache = new ScriptCache(root);
        CacheDirectory.EnsurePrivate(cache.ScriptsFolder);
        return cache;
    }

    public string AssemblyPath(string key) => Path.Combine(ScriptsFolder, key + ".dll");

    public string ManifestPath(string key) => Path.Combine(ScriptsFolder, key + ".manifest");

    /// <summary>The entry for <paramref name="key"/>, or null when there is none or it is damaged.</summary>
    public CacheManifest? TryRead(string key)
    {
        string text;
        byte[] dll;
        if (!CacheDirectory.CheckEntry(ManifestPath(key)) || !CacheDirectory.CheckEntry(AssemblyPath(key)))
            return null;
        try
        {
            text = File.ReadAllText(ManifestPath(key));
            dll = File.ReadAllBytes(AssemblyPath(key));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        var manifest = CacheManifest.Parse(text);
        if (manifest is null || manifest.DllSha256 != Checksum(dll))
            return null;
        foreach (var dependency in manifest.DependencyPaths)
            if (!File.Exists(dependency))
                return null;
        return manifest;
    }

    /// <summary>Writes the dll to a temp file of this process's own, to be checked before <see cref="CommitAssembly"/> puts it in place.</summary>
    public string StageAssembly(string key, byte[] dll) => AtomicFile.WriteTemp(AssemblyPath(key), dll, AtomicFile.Private);

    /// <summary>Puts a staged dll in place; the entry is not visible until <see cref="WriteManifest"/>.</summary>
    public void CommitAssembly(string key, string staged) => AtomicFile.Commit(staged, AssemblyPath(key));

    public void WriteManifest(string key, CacheManifest manifest) => AtomicFile.Write(ManifestPath(key), manifest.ToBytes(), AtomicFile.Private);

    /// <summary>Deletes temp files and restore folders that crashed processes left more than an hour ago; young ones may still be in use.</summary>
    public void SweepLeftovers()
    {
        var cutoff = DateTime.UtcNow - TimeSpan.FromHours(1);
        try
        {
            foreach (var temp in Directory.EnumerateFiles(ScriptsFolder, "*.tmp"))
                if (File.GetLastWriteTimeUtc(temp) < cutoff)
                    AtomicFile.TryDelete(temp);
            var nuget = Path.Combine(Root, "nuget");
            if (!Directory.Exists(nuget))
                return;
            foreach (var temp in Directory.EnumerateFiles(nuget, "*.tmp"))
                if (File.GetLastWriteTimeUtc(temp) < cutoff)
                    AtomicFile.TryDelete(temp);
            foreach (var work in Directory.EnumerateDirectories(nuget))
                if (Directory.GetLastWriteTimeUtc(work) < cutoff)
                    Directory.Delete(work, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process may be sweeping too; whatever is left is swept next time.
        }
    }

    public static string Checksum(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
