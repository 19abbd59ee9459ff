using System.Reflection;

namespace Hdnr.Hadoop.Tests;

/// <summary>Runs the built hdnr, or a frozen executable, as a real process, the way a user's shell or Hadoop does.</summary>
internal static class Hdnr
{
    public static readonly string RepoRoot =
        typeof(Hdnr).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>One cache for the whole test run, so each script compiles (in the test process, before hdnr runs it) and freezes once.</summary>
    public static readonly string SharedCache = SharedCompileCache.Folder;

    /// <summary>The dotnet that runs hdnr, by its full path, so a test can give hdnr a PATH without it.</summary>
    public static readonly string Dotnet = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "dotnet"));

    public static string Example(string name) => Path.Combine(RepoRoot, "examples", name);

    public static ProcessResult Run(string[] args, byte[]? stdin = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        workingDirectory ??= Path.Combine(RepoRoot, "examples");
        var cache = environment?.GetValueOrDefault("HDNR_CACHE_DIR") ?? SharedCache;
        if (cache == SharedCache) SharedCompileCache.Prepare(args, workingDirectory);
        return Processes.Exec(Dotnet, [Path.Combine(AppContext.BaseDirectory, "hdnr.dll"), .. args], stdin, workingDirectory,
            new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["HDNR_CACHE_DIR"] = cache },
            timeout);
    }
}
