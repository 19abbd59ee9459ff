using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hdnr.Hadoop.Launching;

namespace Hdnr.Hadoop.Tests;

/// <summary>One Hadoop a test can run jobs on: its installation, its configuration (local mode or YARN) and the variables a shell set up for it has.</summary>
/// <param name="Name">How a test case names it, e.g. <c>3.1.1 local</c> or <c>2.8.5 YARN</c>.</param>
/// <param name="Installation">The <c>hadoop</c> command and the streaming jar, found in <paramref name="Environment"/> as hdnr finds them.</param>
/// <param name="Environment">The variables to give hdnr (null: remove) so that it, the client and local-mode tasks see this tree only.</param>
/// <param name="OnYarn">True when the configuration sends jobs to YARN.</param>
public sealed record HadoopTree(string Name, HadoopInstallation Installation, IReadOnlyDictionary<string, string?> Environment, bool OnYarn)
{
    /// <summary>The variables a Hadoop tree is set up with: what <c>env.sh</c> files and cluster edge nodes set.</summary>
    internal static readonly string[] Variables =
        ["JAVA_HOME", "HADOOP_HOME", "HADOOP_CONF_DIR", "YARN_CONF_DIR", "HADOOP_STREAMING_JAR", "HADOOP_MAPRED_HOME", "HADOOP_LOG_DIR", "YARN_LOG_DIR"];

    /// <summary>The release, from the streaming jar's name (<c>hadoop-streaming-3.1.1.jar</c>), or <c>unknown</c>.</summary>
    public string Version => VersionOf(Installation.StreamingJar);

    /// <summary>The folder of the <c>hadoop</c> command, first on the PATH of what runs against this tree.</summary>
    public string Bin => Path.GetDirectoryName(Installation.Hadoop)!;

    /// <summary>The environment with <paramref name="path"/> as PATH (a tree's bin first on it), for a process that must see no other Hadoop.</summary>
    public Dictionary<string, string?> EnvironmentWith(string path)
    {
        var environment = new Dictionary<string, string?>(Environment) { ["PATH"] = Bin + ":" + path };
        return environment;
    }

    internal static string VersionOf(string streamingJar) =>
        Regex.Match(Path.GetFileName(streamingJar), @"streaming-(\d+(\.\d+)+)") is { Success: true } m ? m.Groups[1].Value : "unknown";

    /// <summary>True when <c>mapred-site.xml</c> in the configuration folder says <c>mapreduce.framework.name=yarn</c>.</summary>
    internal static bool ConfiguresYarn(string? configuration)
    {
        var site = Path.Combine(configuration ?? "", "mapred-site.xml");
        if (!File.Exists(site)) return false;
        return XDocument.Load(site).Descendants("property")
            .Any(p => p.Element("name")?.Value.Trim() == "mapreduce.framework.name" && p.Element("value")?.Value.Trim() == "yarn");
    }

    public override string ToString() => Name;
}
