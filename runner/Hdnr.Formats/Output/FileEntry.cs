namespace Hdnr.Formats.Output;

/// <summary>Moves, deletes and tests a file system entry itself: a symbolic link is renamed or removed as the link, never followed to what it points to.</summary>
public static class FileEntry
{
    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>: Directory.Move takes anything that resolves to a directory, and renames a link to one, not its target.</summary>
    public static void Move(string from, string to)
    {
        if (Directory.Exists(from)) Directory.Move(from, to);
        else File.Move(from, to);
    }

    /// <summary>Removes <paramref name="path"/>: a file or link itself, or a directory with everything in it.</summary>
    public static void Delete(string path)
    {
        var file = new FileInfo(path);
        if (file.Exists || file.LinkTarget is not null) file.Delete();
        else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    /// <summary>Whether anything, a dangling link included, is at <paramref name="path"/>.</summary>
    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;
}
