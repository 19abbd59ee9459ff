using System.Xml.Linq;
using Hdnr.Hadoop.Launching;

namespace Hdnr.Hadoop.Tests;

/// <summary>A fact that runs real Hadoop jobs: skipped, with the reason, where no Hadoop is found as a user's machine offers it (HADOOP_HOME, hadoop on PATH, HADOOP_STREAMING_JAR).</summary>
public sealed class HadoopFactAttribute : FactAttribute
{
    public HadoopFactAttribute()
    {
        if (Installation is null)
            Skip = $"No Hadoop here ({Missing}); source a Hadoop env.sh (HADOOP_HOME, PATH, HADOOP_STREAMING_JAR) to run the jobs on it.";
    }

    /// <summary>The cluster's nodes are said to have no .NET (<c>HDNR_TEST_NODES_WITHOUT_DOTNET=1</c>, set by whoever started it so).</summary>
    public static bool NodesWithoutDotnet => Environment.GetEnvironmentVariable("HDNR_TEST_NODES_WITHOUT_DOTNET") == "1";

    /// <summary>For <c>launch</c>, whose nodes need the .NET 10 runtime: skipped on a cluster whose nodes have none.</summary>
    public bool NodesNeedDotnet
    {
        get => false;
        init
        {
            if (value && Skip is null && NodesWithoutDotnet)
                Skip = "HDNR_TEST_NODES_WITHOUT_DOTNET=1: this cluster's nodes have no .NET, which launch needs (launch-frozen does not).";
        }
    }

    /// <summary>For what launch does on nodes without .NET: run only where the cluster's nodes are said to have none.</summary>
    public bool OnNodesWithoutDotnet
    {
        get => false;
        init
        {
            if (value && Skip is null && !NodesWithoutDotnet)
                Skip = "Needs a cluster whose nodes have no .NET, announced with HDNR_TEST_NODES_WITHOUT_DOTNET=1 (e.g. YARN started in a mount namespace that hides /usr/share/dotnet).";
        }
    }

    private static readonly Lazy<(HadoopInstallation? Found, string? Why)> Lookup = new(() =>
    {
        try
        {
            return (HadoopInstallation.Find(), null);
        }
        catch (HadoopToolException e)
        {
            return (null, e.Message);
        }
    });

    public static HadoopInstallation? Installation => Lookup.Value.Found;

    public static string? Missing => Lookup.Value.Why;

    /// <summary>True when the client's configuration sends jobs to YARN (<c>mapreduce.framework.name=yarn</c>), false for local mode.</summary>
    public static bool OnYarn
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("HADOOP_CONF_DIR");
            if (string.IsNullOrEmpty(folder) && Installation is { } hadoop)
                folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(hadoop.Hadoop))!, "etc", "hadoop");
            var site = Path.Combine(folder ?? "", "mapred-site.xml");
            if (!File.Exists(site)) return false;
            return XDocument.Load(site).Descendants("property")
                .Any(p => p.Element("name")?.Value.Trim() == "mapreduce.framework.name" && p.Element("value")?.Value.Trim() == "yarn");
        }
    }
}
