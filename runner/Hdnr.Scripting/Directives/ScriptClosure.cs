namespace Hdnr.Scripting.Directives;

/// <summary>A script and every file it <c>#load</c>s, transitively, main file first, each once.</summary>
internal sealed class ScriptClosure
{
    private ScriptClosure(string userPath, string currentDirectory, IReadOnlyList<ScriptFile> files)
    {
        UserPath = userPath;
        CurrentDirectory = currentDirectory;
        Files = files;
    }

    /// <summary>The main script's path as the user gave it.</summary>
    public string UserPath { get; }

    /// <summary>The folder relative paths were given from, for naming files in messages.</summary>
    public string CurrentDirectory { get; }

    /// <summary>The main script first, then the loaded files in the order a depth-first walk of the <c>#load</c>s meets them.</summary>
    public IReadOnlyList<ScriptFile> Files { get; }

    public ScriptFile Main => Files[0];

    public static ScriptClosure Read(string userPath, string currentDirectory)
    {
        var mainPath = Path.GetFullPath(userPath, currentDirectory);
        if (!File.Exists(mainPath))
            throw new FileNotFoundException($"{userPath}: no such script file.", userPath);
        var files = new List<ScriptFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Visit(mainPath, files, seen);
        return new ScriptClosure(userPath, currentDirectory, files);
    }

    /// <summary>Where a <c>#load</c> or <c>#r</c> path written in <paramref name="includingFile"/> points: relative paths start at that file's folder, as Roslyn resolves them.</summary>
    public static string Resolve(string value, string includingFile) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(includingFile)!, value));

    /// <summary>How messages name a file: the main script as the user gave it, others relative to the current folder when under it.</summary>
    public string DisplayPath(string fullPath)
    {
        if (fullPath == Main.FullPath)
            return UserPath;
        var relative = Path.GetRelativePath(CurrentDirectory, fullPath);
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath
            : relative;
    }

    private static void Visit(string fullPath, List<ScriptFile> files, HashSet<string> seen)
    {
        if (!seen.Add(fullPath))
            return;
        var file = ScriptFile.Read(fullPath);
        files.Add(file);
        foreach (var directive in file.Header.Directives)
            if (directive.Kind == DirectiveKind.Load)
                Visit(Resolve(directive.Value, fullPath), files, seen);
    }
}
