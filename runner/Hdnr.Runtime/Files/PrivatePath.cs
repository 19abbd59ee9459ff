namespace Hdnr.Runtime.Files;

/// <summary>Creates and checks the folders and files hdnr trusts (caches of code it runs, a job's scratch data): each must be the user's alone.</summary>
/// <remarks>
/// The user's alone means: not a symbolic link (which another user could point elsewhere), owned by the user, and
/// writable by no one else. A folder the user owns that others can only read is made private rather than refused, as
/// nothing in it can have been changed by them. Windows has no Unix owners or modes; a user's folders are private there.
/// </remarks>
public static class PrivatePath
{
    /// <summary>rwx for the owner only.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The user hdnr runs as: the effective user id, or on Windows the user name.</summary>
    public static string CurrentUser => OperatingSystem.IsWindows() ? Environment.UserName : UnixFileStatus.CurrentUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Creates the folder <paramref name="path"/> (and its parents) private to the user, or checks the one there; returns its full path.</summary>
    /// <param name="path">The folder.</param>
    /// <param name="what">What it is, for the error: <c>the compile cache</c>.</param>
    /// <param name="alternative">Another way out for the error, e.g. <c>or set HDNR_CACHE_DIR to a folder of your own</c>; may be empty.</param>
    /// <exception cref="UnsafePathException">It is a link, not a folder, another user's, or writable by others.</exception>
    public static string EnsureDirectory(string path, string what, string alternative = "")
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }
        if (!UnixFileStatus.Of(full).Exists) Directory.CreateDirectory(full, DirectoryMode);
        var status = Check(full, what, alternative);
        if (!status.IsDirectory) throw new UnsafePathException($"{what} {full} is not a directory: remove it{Tail(alternative)}");
        // chmod follows links; Check has just said this is none.
        if (status.Mode != DirectoryMode) File.SetUnixFileMode(full, DirectoryMode);
        return full;
    }

    /// <summary>Checks that the file or folder <paramref name="path"/>, when it exists, is the user's alone; says whether it exists.</summary>
    /// <exception cref="UnsafePathException">It is a link, another user's, or writable by others.</exception>
    public static bool CheckExisting(string path, string what, string alternative = "") =>
        OperatingSystem.IsWindows() ? Path.Exists(path) : Check(Path.GetFullPath(path), what, alternative).Exists;

    private static UnixFileStatus Check(string full, string what, string alternative)
    {
        var status = UnixFileStatus.Of(full);
        if (!status.Exists) return status;
        if (status.IsSymbolicLink)
            throw new UnsafePathException($"{what} {full} is a symbolic link, which hdnr does not follow there: remove it{Tail(alternative)}");
        var me = UnixFileStatus.CurrentUserId;
        if (status.OwnerId != me)
            throw new UnsafePathException($"{what} {full} belongs to user id {status.OwnerId}, not to you (user id {me}): have it removed{Tail(alternative)}");
        if ((status.Mode & WritableByOthers) != 0)
        {
            var fix = status.IsDirectory ? "chmod 700" : "chmod go-w";
            throw new UnsafePathException($"{what} {full} is writable by its group or others, who could change what hdnr runs or reads: run '{fix} {full}' if nothing in it is foreign, else remove it{Tail(alternative)}");
        }
        return status;
    }

    private static string Tail(string alternative) => alternative.Length == 0 ? "" : " " + alternative;
}
