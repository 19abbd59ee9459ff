using System.ComponentModel;
using System.Diagnostics;

namespace Hdnr.Runtime.SequenceFiles;

/// <summary>Runs Hadoop streaming's own <c>dumptb</c> and <c>loadtb</c> (<c>hadoop jar $HADOOP_STREAMING_JAR ...</c>) for paths only Hadoop can reach.</summary>
public static class HadoopStreamingTool
{
    /// <summary>Copies <c>dumptb PATH</c>'s typed bytes output into <paramref name="output"/>.</summary>
    public static void DumpTb(string path, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var process = Start("dumptb", path, redirectInput: false);
        process.StandardOutput.BaseStream.CopyTo(output);
        Finish(process, "dumptb", path);
    }

    /// <summary>Runs <c>loadtb PATH</c>, with <paramref name="writeInput"/> writing the typed bytes stream to its stdin.</summary>
    public static void LoadTb(string path, Action<Stream> writeInput)
    {
        ArgumentNullException.ThrowIfNull(writeInput);
        using var process = Start("loadtb", path, redirectInput: true);
        try
        {
            writeInput(process.StandardInput.BaseStream);
        }
        finally
        {
            process.StandardInput.Close();
        }

        Finish(process, "loadtb", path);
    }

    private static Process Start(string tool, string path, bool redirectInput)
    {
        var jar = Environment.GetEnvironmentVariable("HADOOP_STREAMING_JAR");
        if (string.IsNullOrEmpty(jar))
        {
            throw new IOException($"{path}: only Hadoop can reach this path, and HADOOP_STREAMING_JAR is not set (it should name hadoop-streaming-*.jar).");
        }

        var hadoop = FindHadoop()
            ?? throw new IOException($"{path}: only Hadoop can reach this path, and there is no hadoop executable on PATH.");

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

    private static string? FindHadoop() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "hadoop"))
            .FirstOrDefault(File.Exists);
}
