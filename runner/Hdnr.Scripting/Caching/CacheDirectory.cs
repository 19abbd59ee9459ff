namespace Hdnr.Scripting.Caching;

/// <summary>Finds and creates hdnr's private cache folder: <c>$HDNR_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/hdnr</c>, else <c>~/.cache/hdnr</c>.</summary>
internal static class CacheDirectory
{
    /// <summary>Only the owner may read the cache, since it holds code that hdnr runs.</summary>
    public const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("HDNR_CACHE_DIR");
        if (!string.IsNullOrEmpty(overridden))
            return Path.GetFullPath(overridden);
        // The XDG spec says to ignore a relative XDG_CACHE_HOME.
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "hdnr");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hdnr");
    }

    /// <summary>Creates <paramref name="path"/> (and its parents) if needed and makes it private to the user, fixing a folder made with looser rights.</summary>
    public static string EnsurePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows has no Unix modes; a user's profile folders are private there already.
            Directory.CreateDirectory(path);
            return path;
        }
        Directory.CreateDirectory(path, Private);
        if (File.GetUnixFileMode(path) != Private)
            File.SetUnixFileMode(path, Private);
        return path;
    }
}
