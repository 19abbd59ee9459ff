namespace Hdnr.Formats.Tests.SequenceFiles;

/// <summary>A fact that needs real Hadoop: skipped, with the reason, unless HADOOP_STREAMING_JAR is set and <c>hadoop</c> is on PATH.</summary>
public sealed class HadoopFactAttribute : FactAttribute
{
    public HadoopFactAttribute()
    {
        if (string.IsNullOrEmpty(StreamingJar))
        {
            Skip = "HADOOP_STREAMING_JAR is not set, so Hadoop's own dumptb cannot be run.";
        }
        else if (HadoopExecutable is null)
        {
            Skip = "No hadoop executable on PATH, so Hadoop's own dumptb cannot be run.";
        }
    }

    /// <summary>The streaming jar from the environment.</summary>
    public static string? StreamingJar => Environment.GetEnvironmentVariable("HADOOP_STREAMING_JAR");

    /// <summary>The hadoop executable on PATH, if any.</summary>
    public static string? HadoopExecutable =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "hadoop"))
            .FirstOrDefault(File.Exists);
}
