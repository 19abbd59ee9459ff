namespace Hdnr.Scripting.NuGet;

/// <summary>Finds the <c>dotnet</c> executable that can restore packages.</summary>
public static class DotnetHost
{
    /// <summary>The SDK's own pointer when hdnr runs under it, else the dotnet of the running runtime's root, else <c>dotnet</c> on the PATH.</summary>
    public static string Path
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
                return host;
            // The runtime lives in ROOT/shared/Microsoft.NETCore.App/VERSION/, and ROOT/dotnet is its host.
            var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(Compilation.FrameworkAssemblies.Folder, "..", "..", ".."));
            var besideRuntime = System.IO.Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(besideRuntime) ? besideRuntime : "dotnet";
        }
    }
}
