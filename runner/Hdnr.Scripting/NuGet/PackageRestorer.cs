using System.Diagnostics;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Hdnr.Runtime.Files;
using Hdnr.Scripting.Caching;
using Hdnr.Scripting.Directives;

namespace Hdnr.Scripting.NuGet;

/// <summary>Restores a script's <c>nuget:</c> packages with <c>dotnet restore</c> and remembers the result per package set.</summary>
/// <remarks>
/// Restores a generated project under <c>CACHE/nuget/SET.PID.RANDOM/</c> (one folder per process, so concurrent restores do
/// not share <c>obj/</c>), then writes <c>CACHE/nuget/SET.assets</c> atomically: <c>compile PATH</c> and <c>runtime PATH</c>
/// lines and a final <c>end</c>. SET hashes the target framework and the sorted package ids and versions, so a floating
/// version is resolved once and then kept until that file is deleted. The nearest NuGet.Config at or above the main
/// script's folder, if any, is the restore's config (see <see cref="NuGetConfigFile"/>).
/// </remarks>
internal static partial class PackageRestorer
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(10);

    public static string Framework { get; } = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    public static PackageAssets Restore(IReadOnlyList<PackageSpec> specs, string cacheRoot, ScriptClosure closure)
    {
        var packages = Distinct(specs, closure);
        var folder = CacheDirectory.EnsurePrivate(Path.Combine(cacheRoot, "nuget"));
        var config = NuGetConfigFile.Near(Path.GetDirectoryName(closure.Main.FullPath)!);
        var setKey = SetKey(packages, config);
        var resolutionPath = Path.Combine(folder, setKey + ".assets");
        if (TryReadResolution(resolutionPath) is { } known)
            return known;

        var work = Path.Combine(folder, $"{setKey}.{Environment.ProcessId}.{Guid.NewGuid():N}");
        CacheDirectory.EnsurePrivate(work);
        try
        {
            var project = Path.Combine(work, "scripts.csproj");
            File.WriteAllText(project, ProjectText(packages));
            var (exitCode, output) = RunRestore(project, config);
            if (exitCode != 0)
                throw new ScriptCompilationException(Blame(packages, output, closure));
            var assets = AssetsFile.Read(Path.Combine(work, "obj", "project.assets.json"), Framework);
            AtomicFile.Write(resolutionPath, ResolutionBytes(assets), AtomicFile.Private);
            return assets;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover restore folder only costs space.
            }
        }
    }

    /// <summary>One spec per package id; two different versions of one id are the user's error, reported where the second is.</summary>
    private static List<PackageSpec> Distinct(IReadOnlyList<PackageSpec> specs, ScriptClosure closure)
    {
        var byId = new Dictionary<string, PackageSpec>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        foreach (var spec in specs)
        {
            if (!byId.TryGetValue(spec.Id, out var first))
                byId.Add(spec.Id, spec);
            else if (!string.Equals(first.Version, spec.Version, StringComparison.OrdinalIgnoreCase))
                errors.Add($"{closure.DisplayPath(spec.FilePath)}({spec.Line},1): error HDNR0002: NuGet package '{spec.Display}' "
                    + $"conflicts with '{first.Display}' referenced at {closure.DisplayPath(first.FilePath)}({first.Line},1); reference one version.");
        }
        if (errors.Count > 0)
            throw new ScriptCompilationException(errors);
        return [.. byId.Values.OrderBy(s => s.Id, StringComparer.OrdinalIgnoreCase)];
    }

    private static string SetKey(List<PackageSpec> packages, string? config)
    {
        var text = new StringBuilder("hdnr-nuget-set 1\n").Append(Framework).Append('\n');
        // Another config (or an edited one) may mean other feeds, so other versions.
        if (config is not null)
            text.Append(config).Append('\n').Append(File.GetLastWriteTimeUtc(config).Ticks).Append('\n');
        foreach (var package in packages)
            text.Append(package.Id.ToLowerInvariant()).Append('\n').Append(package.Version).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static string ProjectText(List<PackageSpec> packages)
    {
        var text = new StringBuilder();
        text.Append("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n");
        text.Append("    <TargetFramework>").Append(Framework).Append("</TargetFramework>\n");
        // The project exists only to be restored; auditing would add a network round trip and warnings the user cannot act on here.
        text.Append("    <EnableDefaultItems>false</EnableDefaultItems>\n    <NuGetAudit>false</NuGetAudit>\n");
        text.Append("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n  <ItemGroup>\n");
        foreach (var package in packages)
            text.Append("    <PackageReference Include=\"").Append(SecurityElement.Escape(package.Id))
                .Append("\" Version=\"").Append(SecurityElement.Escape(package.Version ?? "*")).Append("\" />\n");
        text.Append("  </ItemGroup>\n</Project>\n");
        return text.ToString();
    }

    private static (int ExitCode, string Output) RunRestore(string project, string? config)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in new[]
                 {
                     "restore", project, "--nologo", "--verbosity", "quiet", "--disable-build-servers",
                     // A Directory.Build.props or central package file above the cache must not change what is restored.
                     "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false",
                     "-p:ImportDirectoryPackagesProps=false",
                 })
            start.ArgumentList.Add(argument);
        if (config is not null)
        {
            start.ArgumentList.Add("--configfile");
            start.ArgumentList.Add(config);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // Set when hdnr itself runs under an SDK command (dotnet test, dotnet run); they would point the child at that command's MSBuild.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(name);

        using var process = Process.Start(start) ?? throw new IOException($"could not start {start.FileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RestoreTimeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"error NU0000: dotnet restore did not finish in {RestoreTimeout.TotalMinutes} minutes");
        }
        return (process.ExitCode, stdout.Result + "\n" + stderr.Result);
    }

    /// <summary>One line per package the restore errors name (or for the first package when they name none), each saying where it was referenced.</summary>
    private static List<string> Blame(List<PackageSpec> packages, string output, ScriptClosure closure)
    {
        var errors = ErrorLine().Matches(output).Select(m => m.Groups["message"].Value.Trim()).Distinct().ToList();
        if (errors.Count == 0)
        {
            var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            errors.Add(lastLine ?? "dotnet restore failed");
        }
        var lines = new List<string>();
        foreach (var package in packages)
        {
            var named = new Regex($@"\b{Regex.Escape(package.Id)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (errors.FirstOrDefault(e => named.IsMatch(e)) is { } error)
                lines.Add(Line(package, error, closure));
        }
        if (lines.Count == 0)
            lines.Add(Line(packages[0], errors[0], closure));
        return lines;
    }

    private static string Line(PackageSpec package, string error, ScriptClosure closure) =>
        $"{closure.DisplayPath(package.FilePath)}({package.Line},1): error HDNR0002: cannot restore NuGet package '{package.Display}': {error}";

    // e.g. "/x/scripts.csproj : error NU1101: Unable to find package X. ... [/x/scripts.csproj]"
    [GeneratedRegex(@"error (?<code>NU\d+): (?<message>.*?)(?: \[[^\]]*\])?\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorLine();

    private static byte[] ResolutionBytes(PackageAssets assets)
    {
        var text = new StringBuilder("hdnr-nuget-assets 1\n");
        foreach (var path in assets.CompilePaths)
            text.Append("compile ").Append(path).Append('\n');
        foreach (var path in assets.RuntimePaths)
            text.Append("runtime ").Append(path).Append('\n');
        text.Append("end\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static PackageAssets? TryReadResolution(string path)
    {
        string[] lines;
        // It names the dlls a script loads: one another user could write would choose what runs.
        if (!CacheDirectory.CheckEntry(path))
            return null;
        try
        {
            lines = File.ReadAllText(path).Split('\n');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        if (lines.Length < 3 || lines[0] != "hdnr-nuget-assets 1" || lines[^2] != "end" || lines[^1].Length != 0)
            return null;
        var compile = new List<string>();
        var runtime = new List<string>();
        foreach (var line in lines.AsSpan(1, lines.Length - 3))
        {
            var list = line.StartsWith("compile ", StringComparison.Ordinal) ? compile
                : line.StartsWith("runtime ", StringComparison.Ordinal) ? runtime
                : null;
            var value = line[(line.IndexOf(' ') + 1)..];
            // A package folder that was cleaned since means restoring again.
            if (list is null || !File.Exists(value))
                return null;
            list.Add(value);
        }
        return new PackageAssets(compile, runtime);
    }
}
