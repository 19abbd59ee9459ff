using System.Xml;
using System.Xml.Linq;

namespace Hdnr.Hadoop.Launching;

/// <summary>The cluster's default filesystem (<c>fs.defaultFS</c>), read from the client's configuration as the <c>hadoop</c> command reads it.</summary>
/// <remarks>Read from core-site.xml rather than asked of Hadoop: <c>hdfs getconf</c> is not on every client, and a JVM start costs a second.</remarks>
internal static class DefaultFileSystem
{
    /// <summary><c>-D fs.defaultFS=...</c> when given, else core-site.xml's value in the configuration folder, else <c>file:///</c>.</summary>
    public static string Of(HadoopInstallation hadoop, IReadOnlyList<string> defines, Func<string, string?> variable)
    {
        string? value = null;
        foreach (var define in defines)
        {
            var equals = define.IndexOf('=');
            if (equals > 0 && define[..equals] is "fs.defaultFS" or "fs.default.name") value = define[(equals + 1)..];
        }
        if (value is null && ConfigurationFolder(hadoop, variable) is { } folder)
            value = FromCoreSite(Path.Combine(folder, "core-site.xml"));
        return string.IsNullOrWhiteSpace(value) ? "file:///" : value.Trim();
    }

    private static string? ConfigurationFolder(HadoopInstallation hadoop, Func<string, string?> variable)
    {
        var candidates = new[]
        {
            variable("HADOOP_CONF_DIR"),
            string.IsNullOrEmpty(variable("HADOOP_HOME")) ? null : Path.Combine(variable("HADOOP_HOME")!, "etc", "hadoop"),
            Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(hadoop.Hadoop)) ?? "", "etc", "hadoop"),
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && Directory.Exists(c));
    }

    internal static string? FromCoreSite(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            string? value = null;
            foreach (var property in XDocument.Load(path).Descendants("property"))
            {
                var name = property.Element("name")?.Value.Trim();
                if (name is "fs.defaultFS" or "fs.default.name") value = property.Element("value")?.Value;
            }
            return value;
        }
        catch (XmlException e)
        {
            throw new HadoopToolException($"{path} is not valid XML: {e.Message}");
        }
    }
}
