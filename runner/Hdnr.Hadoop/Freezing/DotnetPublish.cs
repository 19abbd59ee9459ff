using System.Text;
using Hdnr.Scripting.NuGet;

namespace Hdnr.Hadoop.Freezing;

/// <summary>Runs <c>dotnet publish</c> on a generated project (no shell: every argument on its own).</summary>
internal static class DotnetPublish
{
    public static void Run(string project, string output, FreezeMode mode, string name, TextWriter log)
    {
        string[] argv =
        [
            DotnetHost.Path, "publish", project, "-c", "Release", "-o", output, "--nologo", "-v:q", "--disable-build-servers",
            "-clp:NoSummary;ErrorsOnly", "-p:NuGetAudit=false",
        ];
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        // MSBuild inherits these from a parent build or test run and they would redirect the generated project's output.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "ArtifactsPath" })
            environment[variable] = null;
        log.WriteLine($"hdnr: freezing {name} ({FreezeModes.Name(mode)}): dotnet publish");
        var result = ToolProcess.Run(argv, stream: false, environment, Path.GetDirectoryName(project)!,
            cannotStart: "freeze needs the .NET SDK (dotnet publish) on this machine, not on the nodes");
        if (result.ExitCode == 0) return;
        var messages = result.Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Take(20)
            .ToList();
        var text = new StringBuilder($"dotnet publish of the frozen {name} failed (exit {result.ExitCode})");
        foreach (var line in messages) text.Append("\n  ").Append(line);
        if (mode == FreezeMode.Native)
            text.Append("\nNativeAOT could not take this script; freeze it with --mode self-contained (nothing needed on the nodes either).");
        throw new HadoopToolException(text.ToString());
    }
}
