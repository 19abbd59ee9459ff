namespace Hdnr.Scripting.Caching;

/// <summary>Writes a file so readers see the old content or the whole new content, never a part.</summary>
/// <remarks>Many hdnr processes start at once on a Hadoop node: each writes its own temp file in the same folder, then renames it over the target.</remarks>
internal static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content) => Commit(WriteTemp(path, content), path);

    /// <summary>Writes <paramref name="content"/> to a new temp file beside <paramref name="path"/> that only this process knows, and returns its path.</summary>
    public static string WriteTemp(string path, ReadOnlySpan<byte> content)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(temp, options);
            stream.Write(content);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        return temp;
    }

    /// <summary>Renames the temp file <paramref name="temp"/> over <paramref name="path"/> in one step.</summary>
    public static void Commit(string temp, string path)
    {
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover file costs only space; the cache never trusts a file without a manifest.
        }
    }
}
