using System.Security.Cryptography;

namespace Hdnr.Runtime.Files;

/// <summary>Writes a file so readers see the old content or the whole new content, never a part: a new temp file beside it, then a rename.</summary>
/// <remarks>
/// The temp file is created exclusively (O_CREAT|O_EXCL, which never follows a symbolic link nor opens an existing file)
/// under a random name in the destination's folder, so a link planted in a shared folder cannot redirect the write and
/// many hdnr processes writing the same file at once each have their own. The rename replaces the destination itself,
/// never what a link there points to.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Read and write for the owner only: for cache files, which hold code that runs.</summary>
    public const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates a new temp file beside <paramref name="path"/> that only this call knows, returning it open for writing and its path.</summary>
    /// <param name="path">The file the temp file will be renamed to by <see cref="Commit"/>.</param>
    /// <param name="mode">The temp file's mode, e.g. <see cref="Private"/>; null for the usual <c>0666</c> less the umask.</param>
    /// <param name="bufferSize">The stream's buffer size.</param>
    public static (FileStream Stream, string TempPath) Create(string path, UnixFileMode? mode = null, int bufferSize = 4096)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        // A leading dot keeps the unfinished file out of directory listings that skip hidden files, as Hadoop's do.
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize };
        if (mode is { } unixMode && !OperatingSystem.IsWindows()) options.UnixCreateMode = unixMode;
        try
        {
            return (new FileStream(temp, options), temp);
        }
        // The temp file's random name means nothing to the user: name the file they asked for.
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"cannot write {full}: permission denied in {folder}", e);
        }
        catch (IOException e) when (e is not PathTooLongException)
        {
            throw new IOException($"cannot write {full}: {folder} does not take a new file", e);
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> in one step.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null) => Commit(WriteTemp(path, content, mode), path);

    /// <summary>Writes <paramref name="content"/> to a new temp file beside <paramref name="path"/> (see <see cref="Create"/>) and returns its path.</summary>
    public static string WriteTemp(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null)
    {
        var (stream, temp) = Create(path, mode);
        try
        {
            using (stream) stream.Write(content);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        return temp;
    }

    /// <summary>Renames the temp file <paramref name="temp"/> over <paramref name="path"/> in one step, deleting it if that fails.</summary>
    public static void Commit(string temp, string path, bool overwrite = true)
    {
        try
        {
            File.Move(temp, path, overwrite);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Deletes <paramref name="path"/> if it can; a temp file left behind costs only space.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing reads a temp file by its name, so one left behind does no harm.
        }
    }
}
