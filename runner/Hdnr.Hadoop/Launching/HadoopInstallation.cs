namespace Hdnr.Hadoop.Launching;

/// <summary>The Hadoop a user's machine offers: the <c>hadoop</c> command and the streaming jar, found as users set them up.</summary>
/// <param name="Hadoop">The <c>hadoop</c> executable.</param>
/// <param name="StreamingJar">The Hadoop Streaming jar.</param>
public sealed record HadoopInstallation(string Hadoop, string StreamingJar)
{
    /// <summary>The <c>yarn</c> command beside <see cref="Hadoop"/>, or <c>yarn</c> on PATH.</summary>
    public string Yarn
    {
        get
        {
            var beside = Path.Combine(Path.GetDirectoryName(Hadoop) ?? "", "yarn");
            return File.Exists(beside) ? beside : "yarn";
        }
    }

    /// <summary>Finds Hadoop from the process's environment.</summary>
    public static HadoopInstallation Find() => Find(Environment.GetEnvironmentVariable);

    /// <summary>
    /// <c>hadoop</c>: <c>$HADOOP_HOME/bin/hadoop</c>, else the first on PATH. The jar: <c>$HADOOP_STREAMING_JAR</c>, else
    /// <c>hadoop-streaming*.jar</c> under <c>$HADOOP_HOME</c>, <c>$HADOOP_MAPRED_HOME</c> or the folder above <c>hadoop</c>'s <c>bin</c>.
    /// </summary>
    /// <exception cref="HadoopToolException">One is missing; the message says what was looked for and how to set it.</exception>
    public static HadoopInstallation Find(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var home = variable("HADOOP_HOME");
        string? hadoop = null;
        if (!string.IsNullOrEmpty(home) && File.Exists(Path.Combine(home, "bin", "hadoop")))
            hadoop = Path.Combine(home, "bin", "hadoop");
        hadoop ??= OnPath(variable("PATH"), "hadoop");
        if (hadoop is null)
            throw new HadoopToolException(
                $"no hadoop command: looked for $HADOOP_HOME/bin/hadoop ({Describe(home)}) and hadoop on PATH; set HADOOP_HOME to your Hadoop's folder or put its bin on PATH");

        var jar = variable("HADOOP_STREAMING_JAR");
        if (!string.IsNullOrEmpty(jar))
        {
            if (!File.Exists(jar))
                throw new HadoopToolException($"HADOOP_STREAMING_JAR is {jar}, which does not exist; point it at hadoop-streaming-*.jar");
            return new HadoopInstallation(hadoop, jar);
        }
        var homes = new List<(string What, string? Folder)>
        {
            ("$HADOOP_HOME", home),
            ("$HADOOP_MAPRED_HOME", variable("HADOOP_MAPRED_HOME")),
            ("the folder above hadoop's bin", Path.GetDirectoryName(Path.GetDirectoryName(Resolve(hadoop)))),
        };
        foreach (var (_, folder) in homes)
        {
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder)) continue;
            if (StreamingJarUnder(folder) is { } found) return new HadoopInstallation(hadoop, found);
        }
        var looked = string.Join(", ", homes.Select(h => $"{h.What} ({Describe(h.Folder)})"));
        throw new HadoopToolException(
            $"no Hadoop Streaming jar: $HADOOP_STREAMING_JAR is not set and no hadoop-streaming*.jar is under {looked}; set HADOOP_STREAMING_JAR=/path/to/hadoop-streaming.jar");
    }

    private static readonly string[] JarFolders =
        [Path.Combine("share", "hadoop", "tools", "lib"), "", Path.Combine("contrib", "streaming"), "lib", Path.Combine("share", "hadoop", "mapreduce")];

    private static string? StreamingJarUnder(string home)
    {
        foreach (var folder in JarFolders)
        {
            var path = Path.Combine(home, folder);
            if (!Directory.Exists(path)) continue;
            var jar = Directory.EnumerateFiles(path, "hadoop-*streaming*.jar")
                .Where(f => !f.EndsWith("-sources.jar", StringComparison.Ordinal) && !f.EndsWith("-tests.jar", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).FirstOrDefault();
            if (jar is not null) return jar;
        }
        return null;
    }

    private static string Describe(string? folder) => string.IsNullOrEmpty(folder) ? "not set" : folder;

    private static string Resolve(string path)
    {
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? Path.GetFullPath(path);
    }

    internal static string? OnPath(string? path, string command) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
}
