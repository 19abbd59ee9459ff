using System.Reflection;
using System.Text;

namespace Hdnr.Cli.Tests;

/// <summary>Runs the built hdnr as a real process, the way a user's shell or Hadoop does.</summary>
internal static class Hdnr
{
    public static readonly string RepoRoot =
        typeof(Hdnr).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string Example(string name) => Path.Combine(RepoRoot, "examples", name);

    public static ProcessResult Run(string[] args, byte[]? stdin = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, string? cacheDir = null)
    {
        workingDirectory ??= Path.Combine(RepoRoot, "examples");
        cacheDir ??= SharedCache;
        if (cacheDir == SharedCache) SharedCompileCache.Prepare(args, workingDirectory);
        return Processes.Exec("dotnet", [Path.Combine(AppContext.BaseDirectory, "hdnr.dll"), .. args], stdin, workingDirectory,
            new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["HDNR_CACHE_DIR"] = cacheDir },
            TimeSpan.FromMinutes(3));
    }

    public static ProcessResult Run(string[] args, string stdin, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        Run(args, Encoding.UTF8.GetBytes(stdin), workingDirectory, environment);

    /// <summary>One compile cache for the whole test run, where each script is compiled by the test process before hdnr runs it.</summary>
    internal static readonly string SharedCache = SharedCompileCache.Folder;
}
