using System.Diagnostics;
using System.Text;

namespace Hdnr.Hadoop;

/// <summary>Runs a command hdnr drives (hadoop, yarn, dotnet publish; no shell: each argument on its own), optionally passing its output through as it comes.</summary>
internal static class ToolProcess
{
    /// <summary>What one command printed and how it ended.</summary>
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs <paramref name="argv"/>; when <paramref name="stream"/>, its stdout and stderr are copied to ours line by line while it runs.</summary>
    /// <param name="cannotStart">What the one-line error says when the command cannot be started at all.</param>
    public static Result Run(IReadOnlyList<string> argv, bool stream, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null, string? cannotStart = null)
    {
        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var arg in argv.Skip(1)) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new HadoopToolException($"{cannotStart ?? "cannot run " + argv[0]}: {e.Message}");
        }
        using (process)
        {
            process.StandardInput.Close();
            var output = new StringBuilder();
            var gate = new Lock();
            void Pump(StreamReader reader, TextWriter echo)
            {
                while (reader.ReadLine() is { } line)
                {
                    lock (gate)
                    {
                        output.Append(line).Append('\n');
                        if (stream)
                        {
                            echo.WriteLine(line);
                            echo.Flush();
                        }
                    }
                }
            }
            var stdout = Task.Run(() => Pump(process.StandardOutput, Console.Out));
            var stderr = Task.Run(() => Pump(process.StandardError, Console.Error));
            process.WaitForExit();
            Task.WaitAll(stdout, stderr);
            return new Result(process.ExitCode, output.ToString());
        }
    }

    /// <summary>Runs <paramref name="argv"/> and hashes its stdout as it comes (SHA-256), keeping only its stderr.</summary>
    public static (int ExitCode, byte[] Sha256, string Stderr) Sha256Of(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in argv.Skip(1)) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new HadoopToolException($"cannot run {argv[0]}");
        var stderr = process.StandardError.ReadToEndAsync();
        var hash = System.Security.Cryptography.SHA256.HashData(process.StandardOutput.BaseStream);
        process.WaitForExit();
        return (process.ExitCode, hash, stderr.Result);
    }
}
