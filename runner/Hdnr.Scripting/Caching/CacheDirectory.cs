namespace Hdnr.Scripting.Caching;

/// <summary>Finds and creates hdnr's private cache folder: <c>$HDNR_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/hdnr</c>, else <c>~/.cache/hdnr</c>.</summary>
internal static class CacheDirectory
{
    /// <summary>Only the owner may read the cache, since it holds code that hdnr runs.</summary>
    public const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static string Locate() => Locate(Environment.GetEnvironmentVariable);

    /// <summary>Where the cache is when <paramref name="variable"/> gives the environment; HOME counts only when XDG_CACHE_HOME does not.</summary>
    public static string Locate(Func<string, string?> variable)
    {
        var overridden = variable("HDNR_CACHE_DIR");
        if (!string.IsNullOrEmpty(overridden))
            return Path.GetFullPath(overridden);
        // The XDG spec says to ignore a relative XDG_CACHE_HOME.
        var xdg = variable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "hdnr");
        var home = variable("HOME");
        if (string.IsNullOrEmpty(home))
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "hdnr");
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
