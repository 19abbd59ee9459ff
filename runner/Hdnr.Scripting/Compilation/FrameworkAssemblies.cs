namespace Hdnr.Scripting.Compilation;

/// <summary>The assemblies of the running .NET shared framework, which every script compiles against.</summary>
/// <remarks>
/// The running framework's own dlls (the trusted platform assemblies that sit in System.Private.CoreLib's folder) rather
/// than the SDK's reference pack: they exist wherever hdnr runs, even without an SDK, and they are exactly what the script
/// binds to at run time. Taking only that folder leaves out hdnr's own assemblies, Roslyn and the test host's.
/// </remarks>
public static class FrameworkAssemblies
{
    /// <summary>The shared framework's folder.</summary>
    public static string Folder { get; } = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    /// <summary>The framework's dlls, in ordinal order.</summary>
    public static IReadOnlyList<string> Paths { get; } = Find();

    /// <summary>The simple names of <see cref="Paths"/>, so a NuGet package's copy of a framework assembly can be left out.</summary>
    public static IReadOnlySet<string> Names { get; } =
        Paths.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase)!;

    /// <summary>Whether <paramref name="path"/> is in the framework's folder.</summary>
    public static bool IsInFolder(string path) =>
        string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), Folder, StringComparison.Ordinal);

    private static List<string> Find()
    {
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
        var candidates = string.IsNullOrEmpty(trusted)
            ? Directory.GetFiles(Folder, "*.dll")
            : trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var paths = candidates
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && IsInFolder(p))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}
