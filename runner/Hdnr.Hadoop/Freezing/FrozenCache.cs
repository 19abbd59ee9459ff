namespace Hdnr.Hadoop.Freezing;

/// <summary>Where frozen bundles are kept between freezes: <c>frozen/</c> in hdnr's cache folder (<c>$HDNR_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/hdnr</c>, else <c>~/.cache/hdnr</c>).</summary>
internal static class FrozenCache
{
    public static string Root(Func<string, string?> variable)
    {
        var overridden = variable("HDNR_CACHE_DIR");
        string root;
        if (!string.IsNullOrEmpty(overridden))
        {
            root = Path.GetFullPath(overridden);
        }
        else
        {
            var xdg = variable("XDG_CACHE_HOME");
            var home = variable("HOME");
            if (string.IsNullOrEmpty(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? Path.Combine(xdg, "hdnr") : Path.Combine(home, ".cache", "hdnr");
        }
        var frozen = Path.Combine(root, "frozen");
        // The cache holds code that runs: private to the user, as the compile cache.
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(frozen);
        else Directory.CreateDirectory(frozen, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return frozen;
    }
}
