namespace Hdnr.Hadoop.Tests;

/// <summary>An environment like a cluster node's without .NET: a PATH of the system's tools minus <c>dotnet</c> and <c>hdnr</c>, no DOTNET_* variables.</summary>
internal static class NoDotnet
{
    private static readonly Lazy<string> Bin = new(Build);

    /// <summary>A folder of links to every command in the system's bin folders except dotnet and hdnr.</summary>
    public static string Path => Bin.Value;

    /// <summary>The variables to set (null: remove) so that a process sees no .NET; <paramref name="extraPath"/> goes first on PATH.</summary>
    public static Dictionary<string, string?> Environment(string? extraPath = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = extraPath is null ? Path : extraPath + ":" + Path,
        };
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("DOTNET_", StringComparison.Ordinal) || name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name is "HDNR_CACHE_DIR" or "NUGET_PACKAGES")
                environment[name] = null;
        }
        return environment;
    }

    private static string Build()
    {
        var bin = Directory.CreateTempSubdirectory("hdnr-no-dotnet-bin-").FullName;
        foreach (var folder in new[] { "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin" })
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFileSystemEntries(folder))
            {
                var name = System.IO.Path.GetFileName(file);
                if (name is "dotnet" or "hdnr") continue;
                var link = System.IO.Path.Combine(bin, name);
                if (!File.Exists(link) && !Directory.Exists(link)) File.CreateSymbolicLink(link, file);
            }
        }
        return bin;
    }
}
