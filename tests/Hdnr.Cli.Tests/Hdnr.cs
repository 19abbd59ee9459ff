using System.Reflection;
using System.Diagnostics;
using System.Text;

namespace Hdnr.Cli.Tests;

/// <summary>Runs the built hdnr as a real process, the way a user's shell or Hadoop does.</summary>
internal static class Hdnr
{
    public static readonly string RepoRoot = FindRepoRoot();

    public static string Example(string name) => Path.Combine(RepoRoot, "examples", name);

    public static HdnrResult Run(string[] args, byte[]? stdin = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, string? cacheDir = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.Combine(RepoRoot, "examples"),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hdnr.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["HDNR_CACHE_DIR"] = cacheDir ?? SharedCache;
        foreach (var name in new[] { "stream_map_input", "stream_map_output", "stream_reduce_input", "stream_reduce_output" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
                process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The task may exit before reading all of its input; what it printed is what the test checks.
        }
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"hdnr {string.Join(' ', args)} did not finish in 3 minutes");
        }
        copyOut.Wait();
        return new HdnrResult(process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    public static HdnrResult Run(string[] args, string stdin, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        Run(args, Encoding.UTF8.GetBytes(stdin), workingDirectory, environment);

    /// <summary>One compile cache for the whole test run, so each example compiles once.</summary>
    private static readonly string SharedCache = Directory.CreateTempSubdirectory("hdnr-cli-tests-").FullName;

    private static string FindRepoRoot() =>
        typeof(Hdnr).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
}

/// <summary>What one hdnr process did.</summary>
internal sealed record HdnrResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
