namespace Hdnr.Scripting.NuGet;

/// <summary>Finds the NuGet.Config that governs a script's folder, so private feeds set up beside scripts are used.</summary>
/// <remarks>
/// The restore runs in the cache, far from the script, where NuGet's own upward search would never see a config next to
/// the script; the nearest one at or above the script's folder is therefore passed explicitly, as dotnet-script does.
/// </remarks>
internal static class NuGetConfigFile
{
    // Linux file names are case-sensitive; these are the spellings NuGet itself looks for.
    private static readonly string[] Names = ["nuget.config", "NuGet.config", "NuGet.Config"];

    public static string? Near(string scriptDirectory)
    {
        for (var folder = new DirectoryInfo(scriptDirectory); folder is not null; folder = folder.Parent)
            foreach (var name in Names)
            {
                var candidate = Path.Combine(folder.FullName, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        return null;
    }
}
