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
