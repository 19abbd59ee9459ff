using Hdnr.Runtime.Files;

namespace Hdnr.Scripting.Caching;

/// <summary>Finds and creates hdnr's private cache folder: <c>$HDNR_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/hdnr</c>, else <c>~/.cache/hdnr</c>.</summary>
/// <remarks>The cache holds code hdnr runs, so its folders and entries must be the user's alone (<see cref="PrivatePath"/>): one another user could write would let them run their code as this user.</remarks>
public static class CacheDirectory
{
    /// <summary>Only the owner may read the cache, since it holds code that hdnr runs.</summary>
    public const UnixFileMode Private = PrivatePath.DirectoryMode;

    /// <summary>What the cache's errors call it.</summary>
    private const string What = "hdnr's cache directory";

    private const string Alternative = "(or set HDNR_CACHE_DIR to a folder of your own)";

    public static string Locate() => Locate(Environment.GetEnvironmentVariable);

    /// <summary>Where the cache is when <paramref name="variable"/> gives the environment; HOME counts only when XDG_CACHE_HOME does not.</summary>
    /// <remarks>A folder the user names in HDNR_CACHE_DIR may be a symbolic link (to another disk, say): it is resolved here, and its target is checked as the cache.</remarks>
    public static string Locate(Func<string, string?> variable)
    {
        var overridden = variable("HDNR_CACHE_DIR");
        if (!string.IsNullOrEmpty(overridden))
        {
            var full = Path.GetFullPath(overridden);
            return Path.Exists(full) ? new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full : full;
        }
        // The XDG spec says to ignore a relative XDG_CACHE_HOME.
        var xdg = variable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "hdnr");
        var home = variable("HOME");
        if (string.IsNullOrEmpty(home))
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "hdnr");
    }

    /// <summary>Creates the cache folder <paramref name="path"/> (or one inside it) private to the user, or checks the one there; a folder the user owns that others can only read is made private.</summary>
    /// <exception cref="UnsafePathException">It is a symbolic link, another user's, or writable by others.</exception>
    public static string EnsurePrivate(string path) => PrivatePath.EnsureDirectory(path, What, Alternative);

    /// <summary>Checks that the cache entry <paramref name="path"/>, when it exists, is the user's alone; says whether it exists.</summary>
    /// <exception cref="UnsafePathException">It is a symbolic link, another user's, or writable by others.</exception>
    public static bool CheckEntry(string path) => PrivatePath.CheckExisting(path, "the cache entry", Alternative);
}
