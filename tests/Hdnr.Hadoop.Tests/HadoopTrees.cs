using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Xml.Linq;
using Hdnr.Hadoop.Launching;

namespace Hdnr.Hadoop.Tests;

/// <summary>
/// Every Hadoop the tests can run jobs on, found as a user's machine offers it: the one the test process's environment sets up
/// (<c>HADOOP_HOME</c>, <c>hadoop</c> on PATH, <c>HADOOP_STREAMING_JAR</c>, <c>HADOOP_CONF_DIR</c>), and each folder named in
/// <c>HDNR_TEST_HADOOP_HOMES=dir1:dir2</c>: a folder holding an <c>env.sh</c> (what <c>install-local-hadoop.sh</c> and
/// <c>start-yarn.sh</c> write) is sourced, any other is taken as a Hadoop home with its own <c>etc/hadoop</c>.
/// </summary>
public static class HadoopTrees
{
    /// <summary>A tree that was looked for, and why it cannot be used when it cannot.</summary>
    public sealed record Candidate(string Name, HadoopTree? Tree, string? WhyNot);

    private static readonly Lazy<IReadOnlyList<Candidate>> Found = new(Discover);

    /// <summary>Every tree looked for, usable or not, in order: the environment's first.</summary>
    public static IReadOnlyList<Candidate> All => Found.Value;

    /// <summary>The trees jobs can run on.</summary>
    public static IReadOnlyList<HadoopTree> Usable => [.. All.Where(c => c.Tree is not null).Select(c => c.Tree!)];

    /// <summary>The tree a test case names.</summary>
    public static HadoopTree Named(string name) => Usable.Single(t => t.Name == name);

    /// <summary>Why no tree can be used, for a skipped test; null when one can.</summary>
    public static string? WhyNone =>
        Usable.Count > 0 ? null
        : All.Count == 0 ? "no Hadoop here: set HADOOP_HOME (or put hadoop on PATH, or source an env.sh), or name trees in HDNR_TEST_HADOOP_HOMES=dir1:dir2"
        : "no usable Hadoop: " + string.Join("; ", All.Select(c => c.WhyNot));

    private static IReadOnlyList<Candidate> Discover()
    {
        var candidates = new List<Candidate>();
        Func<string, string?> process = Environment.GetEnvironmentVariable;
        if (!string.IsNullOrEmpty(process("HADOOP_HOME")) || HadoopInstallation.OnPath(process("PATH"), "hadoop") is not null || !string.IsNullOrEmpty(process("HADOOP_STREAMING_JAR")))
        {
            var environment = HadoopTree.Variables.ToDictionary(v => v, v => process(v));
            environment["PATH"] = process("PATH");
            candidates.Add(Make("the environment's Hadoop", environment, pathPrefix: null));
        }
        foreach (var folder in (process("HDNR_TEST_HADOOP_HOMES") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var what = $"HDNR_TEST_HADOOP_HOMES's {folder}";
            if (!Directory.Exists(folder))
            {
                candidates.Add(new Candidate(folder, null, $"{what} does not exist"));
                continue;
            }
            var envSh = Path.Combine(folder, "env.sh");
            var (environment, prefix) = File.Exists(envSh) ? Sourced(envSh) : (Home(folder), Path.Combine(folder, "bin"));
            candidates.Add(Make(what, environment, prefix));
        }
        // A line of releases the tests know and no tree here offers shows as skipped, so a run says what it did not cover.
        foreach (var line in new[] { "2", "3" })
            if (!candidates.Any(c => c.Tree?.Version.StartsWith(line + ".", StringComparison.Ordinal) == true))
                candidates.Add(new Candidate($"Hadoop {line}.x", null,
                    $"no Hadoop {line}.x tree here: set HADOOP_HOME to one, or name its folder (or the folder of its env.sh) in HDNR_TEST_HADOOP_HOMES=dir1:dir2"));
        // The same tree with the same configuration once; names made unique.
        var unique = candidates.DistinctBy(c => c.Tree is { } t ? $"{Path.GetFullPath(t.Installation.Hadoop)}|{Configuration(t.Environment, t.Installation)}" : c.Name).ToList();
        return [.. unique.Select((c, i) => unique.Take(i).Any(o => o.Name == c.Name) ? c with { Name = $"{c.Name} #{i + 1}", Tree = c.Tree is null ? null : c.Tree with { Name = $"{c.Name} #{i + 1}" } } : c)];
    }

    private static Candidate Make(string what, Dictionary<string, string?> environment, string? pathPrefix)
    {
        if (pathPrefix is not null) environment["PATH"] = pathPrefix + ":" + Environment.GetEnvironmentVariable("PATH");
        HadoopInstallation installation;
        try
        {
            installation = HadoopInstallation.Find(v => environment.TryGetValue(v, out var value) ? value : null);
        }
        catch (HadoopToolException e)
        {
            return new Candidate(what, null, $"{what}: {e.Message}");
        }
        environment.Remove("PATH");
        var configuration = Configuration(environment, installation);
        var onYarn = HadoopTree.ConfiguresYarn(configuration);
        var tree = new HadoopTree($"{HadoopTree.VersionOf(installation.StreamingJar)} {(onYarn ? "YARN" : "local")}", installation, environment, onYarn);
        if (onYarn && YarnWhyNot(configuration!, tree.Version) is { } why)
            return new Candidate(tree.Name, null, $"{what} ({tree.Name}): {why}");
        return new Candidate(tree.Name, tree, null);
    }

    private static string? Configuration(IReadOnlyDictionary<string, string?> environment, HadoopInstallation installation) =>
        environment.GetValueOrDefault("HADOOP_CONF_DIR") is { Length: > 0 } folder ? folder
            : Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(installation.Hadoop))!, "etc", "hadoop");

    /// <summary>A plain Hadoop home: its own bin and configuration, nothing of the test process's Hadoop.</summary>
    private static Dictionary<string, string?> Home(string folder)
    {
        var environment = HadoopTree.Variables.ToDictionary(v => v, _ => (string?)null);
        environment["HADOOP_HOME"] = folder;
        environment["JAVA_HOME"] = Environment.GetEnvironmentVariable("JAVA_HOME");
        return environment;
    }

    /// <summary>The variables an <c>env.sh</c> sets, read by sourcing it in a clean bash; PATH's new entries are the prefix.</summary>
    private static (Dictionary<string, string?> Environment, string? PathPrefix) Sourced(string envSh)
    {
        const string basePath = "/usr/bin:/bin";
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-i", $"PATH={basePath}", $"HOME={Environment.GetEnvironmentVariable("HOME")}", "bash", "-c", "source \"$1\" >/dev/null 2>&1; env -0", "_", envSh })
            start.ArgumentList.Add(arg);
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        var set = output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var environment = HadoopTree.Variables.ToDictionary(v => v, v => set.GetValueOrDefault(v));
        var path = set.GetValueOrDefault("PATH") ?? basePath;
        var prefix = path.EndsWith(basePath, StringComparison.Ordinal) ? path[..^basePath.Length].TrimEnd(':') : path;
        return (environment, prefix.Length == 0 ? null : prefix);
    }

    /// <summary>Why jobs cannot go to the YARN the configuration names: its ResourceManager is down, or another Hadoop's is up.</summary>
    private static string? YarnWhyNot(string configuration, string version)
    {
        var host = Property(Path.Combine(configuration, "yarn-site.xml"), "yarn.resourcemanager.hostname") ?? "localhost";
        if (host == "0.0.0.0") host = "localhost";
        try
        {
            using (var socket = new TcpClient())
            {
                if (!socket.ConnectAsync(host, 8032).Wait(TimeSpan.FromSeconds(2))) return $"no ResourceManager answers at {host}:8032 (start-yarn.sh starts one)";
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var info = JsonDocument.Parse(http.GetStringAsync($"http://{host}:8088/ws/v1/cluster/info").Result);
            var running = info.RootElement.GetProperty("clusterInfo").GetProperty("hadoopVersion").GetString();
            return running == version ? null : $"the YARN up at {host} is Hadoop {running}'s, not {version}'s (one cluster runs at a time)";
        }
        catch (Exception e) when (e is AggregateException or SocketException or HttpRequestException or JsonException or KeyNotFoundException)
        {
            return $"no ResourceManager answers at {host} ({e.GetBaseException().Message})";
        }
    }

    private static string? Property(string site, string name) =>
        File.Exists(site)
            ? XDocument.Load(site).Descendants("property").Where(p => p.Element("name")?.Value.Trim() == name).Select(p => p.Element("value")?.Value.Trim()).LastOrDefault()
            : null;
}
