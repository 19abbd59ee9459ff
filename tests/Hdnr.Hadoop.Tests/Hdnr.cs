using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Hdnr.Hadoop.Tests;

/// <summary>Runs the built hdnr, or a frozen executable, as a real process, the way a user's shell or Hadoop does.</summary>
internal static class Hdnr
{
    public static readonly string RepoRoot =
        typeof(Hdnr).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>One cache for the whole test run, so each script compiles and freezes once.</summary>
    public static readonly string SharedCache = Directory.CreateTempSubdirectory("hdnr-hadoop-tests-").FullName;

    /// <summary>The dotnet that runs hdnr, by its full path, so a test can give hdnr a PATH without it.</summary>
    public static readonly string Dotnet = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "dotnet"));

    public static string Example(string name) => Path.Combine(RepoRoot, "examples", name);

    public static ProcessResult Run(string[] args, byte[]? stdin = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        Exec(Dotnet, [Path.Combine(AppContext.BaseDirectory, "hdnr.dll"), .. args], stdin, workingDirectory ?? Path.Combine(RepoRoot, "examples"),
            new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["HDNR_CACHE_DIR"] = environment?.GetValueOrDefault("HDNR_CACHE_DIR") ?? SharedCache },
            timeout);

    public static ProcessResult Exec(string file, IEnumerable<string> args, byte[]? stdin = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
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
            if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process may exit before reading all of its input; what it printed is what the test checks.
        }
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {limit}");
        }
        copyOut.Wait();
        return new ProcessResult(process.ExitCode, stdout.ToArray(), stderr.Result);
    }
}

/// <summary>What one process did.</summary>
internal sealed record ProcessResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
