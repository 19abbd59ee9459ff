using System.Diagnostics;
using System.Text;

namespace Hdnr.Tests;

/// <summary>Runs a program as a real process with exact arguments (no shell), feeding stdin and capturing both outputs.</summary>
internal static class Processes
{
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
        // Hadoop's io variables of the machine running the tests must not leak into a task under test.
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
