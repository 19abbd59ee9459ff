using System.Diagnostics;
using System.Text;

namespace Hdnr.Hadoop.Freezing;

/// <summary>Runs <c>dotnet publish</c> on a generated project (no shell: every argument on its own).</summary>
internal static class DotnetPublish
{
    public static void Run(string project, string output, FreezeMode mode, string name, TextWriter log)
    {
        var start = new ProcessStartInfo(Dotnet())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var arg in new[]
                 {
                     "publish", project, "-c", "Release", "-o", output, "--nologo", "-v:q", "--disable-build-servers",
                     "-clp:NoSummary;ErrorsOnly", "-p:NuGetAudit=false",
                 })
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // MSBuild inherits these from a parent build or test run and they would redirect the generated project's output.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "ArtifactsPath" })
            start.Environment.Remove(variable);
        log.WriteLine($"hdnr: freezing {name} ({FreezeModes.Name(mode)}): dotnet publish");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new HadoopToolException($"freeze needs the .NET SDK (dotnet publish) on this machine, not on the nodes: {e.Message}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode == 0) return;
            var messages = (stdout.Result + "\n" + stderr.Result)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Distinct()
                .Take(20)
                .ToList();
            var text = new StringBuilder($"dotnet publish of the frozen {name} failed (exit {process.ExitCode})");
            foreach (var line in messages) text.Append("\n  ").Append(line);
            if (mode == FreezeMode.Native)
                text.Append("\nNativeAOT could not take this script; freeze it with --mode self-contained (nothing needed on the nodes either).");
            throw new HadoopToolException(text.ToString());
        }
    }

    /// <summary>The SDK's dotnet: the one a build or test run points at, else the running runtime's, else dotnet on PATH.</summary>
    private static string Dotnet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var beside = Path.Combine(root, "dotnet");
        return File.Exists(beside) ? beside : "dotnet";
    }
}
