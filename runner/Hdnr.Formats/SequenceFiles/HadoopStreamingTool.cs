using System.ComponentModel;
using System.Diagnostics;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>Runs Hadoop streaming's own <c>dumptb</c> and <c>loadtb</c> (<c>hadoop jar $HADOOP_STREAMING_JAR ...</c>) for paths only Hadoop can reach.</summary>
public static class HadoopStreamingTool
{
    /// <summary>Runs <c>dumptb PATH</c>, with <paramref name="readOutput"/> reading its typed bytes stream as it comes.</summary>
    public static void DumpTb(string path, Action<Stream> readOutput) => DumpTb(path, readOutput, StreamingJar, FindHadoop());

    /// <summary>Runs <c>loadtb PATH</c>, with <paramref name="writeInput"/> writing the typed bytes stream to its stdin.</summary>
    public static void LoadTb(string path, Action<Stream> writeInput) => LoadTb(path, writeInput, StreamingJar, FindHadoop());

    internal static void DumpTb(string path, Action<Stream> readOutput, string? jar, string? hadoop)
    {
        ArgumentNullException.ThrowIfNull(readOutput);
        using var process = Start("dumptb", path, redirectInput: false, jar, hadoop);
        try
        {
            readOutput(process.StandardOutput.BaseStream);
        }
        catch
        {
            // Left running, Hadoop would block on a full pipe nobody reads.
            StopQuietly(process);
            throw;
        }

        Finish(process, "dumptb", path);
    }

    internal static void LoadTb(string path, Action<Stream> writeInput, string? jar, string? hadoop)
    {
        ArgumentNullException.ThrowIfNull(writeInput);
        using var process = Start("loadtb", path, redirectInput: true, jar, hadoop);
        try
        {
            writeInput(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }
        catch
        {
            // A cut input must not reach Hadoop as a complete, shorter file.
            StopQuietly(process);
            throw;
        }

        Finish(process, "loadtb", path);
    }

    private static string? StreamingJar => Environment.GetEnvironmentVariable("HADOOP_STREAMING_JAR");

    private static Process Start(string tool, string path, bool redirectInput, string? jar, string? hadoop)
    {
        if (string.IsNullOrEmpty(jar))
        {
            throw new IOException($"{path}: only Hadoop can reach this path, and HADOOP_STREAMING_JAR is not set (it should name hadoop-streaming-*.jar).");
        }

        if (hadoop is null)
        {
            throw new IOException($"{path}: only Hadoop can reach this path, and there is no hadoop executable on PATH.");
        }

        // An argument list, never a shell: the path reaches Hadoop exactly as given.
        var start = new ProcessStartInfo(hadoop)
        {
            RedirectStandardOutput = !redirectInput,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("jar");
        start.ArgumentList.Add(jar);
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add(path);
        try
        {
            return Process.Start(start) ?? throw new IOException($"{path}: hadoop {tool} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new IOException($"{path}: cannot run {hadoop}: {e.Message}", e);
        }
    }

    private static void Finish(Process process, string tool, string path)
    {
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new IOException($"{path}: hadoop jar $HADOOP_STREAMING_JAR {tool} failed with exit code {process.ExitCode} (its messages are above).");
        }
    }

    private static void StopQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }

    private static string? FindHadoop() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "hadoop"))
            .FirstOrDefault(File.Exists);
}
