using Hdnr.Hadoop.Launching;

namespace Hdnr.Hadoop.Tests;

/// <summary>Finding hadoop and the streaming jar the way users set them up, and saying what is missing in one line.</summary>
public sealed class HadoopInstallationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hdnr-fake-hadoop-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Touch(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_jar_under_hadoop_home_and_hadoop_from_its_bin()
    {
        var hadoop = Touch("home/bin/hadoop");
        var jar = Touch("home/share/hadoop/tools/lib/hadoop-streaming-2.8.5.jar");
        Touch("home/share/hadoop/tools/lib/hadoop-streaming-2.8.5-sources.jar");

        var found = HadoopInstallation.Find(Env(("HADOOP_HOME", Path.Combine(_root, "home")), ("PATH", "/nonexistent")));

        Assert.Equal(new HadoopInstallation(hadoop, jar), found);
    }

    [Fact]
    public void Hadoop_streaming_jar_wins_over_the_one_under_hadoop_home()
    {
        Touch("home/bin/hadoop");
        Touch("home/share/hadoop/tools/lib/hadoop-streaming-2.8.5.jar");
        var chosen = Touch("elsewhere/streaming.jar");

        var found = HadoopInstallation.Find(Env(("HADOOP_HOME", Path.Combine(_root, "home")), ("HADOOP_STREAMING_JAR", chosen)));

        Assert.Equal(chosen, found.StreamingJar);
    }

    [Fact]
    public void Hadoop_on_path_and_the_jar_under_hadoop_mapred_home()
    {
        var hadoop = Touch("usr/bin/hadoop");
        var jar = Touch("mapred/hadoop-streaming.jar");

        var found = HadoopInstallation.Find(Env(("PATH", "/nonexistent:" + Path.Combine(_root, "usr/bin")), ("HADOOP_MAPRED_HOME", Path.Combine(_root, "mapred"))));

        Assert.Equal(new HadoopInstallation(hadoop, jar), found);
    }

    [Fact]
    public void The_jar_beside_the_hadoop_found_on_path()
    {
        var hadoop = Touch("opt/hadoop-2.6.0/bin/hadoop");
        var jar = Touch("opt/hadoop-2.6.0/share/hadoop/tools/lib/hadoop-streaming-2.6.0.jar");

        var found = HadoopInstallation.Find(Env(("PATH", Path.Combine(_root, "opt/hadoop-2.6.0/bin"))));

        Assert.Equal(new HadoopInstallation(hadoop, jar), found);
    }

    [Fact]
    public void No_hadoop_says_where_it_looked_and_how_to_set_it()
    {
        var e = Assert.Throws<HadoopToolException>(() => HadoopInstallation.Find(Env(("PATH", "/nonexistent"))));

        Assert.Equal("no hadoop command: looked for $HADOOP_HOME/bin/hadoop (not set) and hadoop on PATH; set HADOOP_HOME to your Hadoop's folder or put its bin on PATH", e.Message);
    }

    [Fact]
    public void No_jar_says_where_it_looked_and_how_to_set_it()
    {
        Touch("home/bin/hadoop");

        var e = Assert.Throws<HadoopToolException>(() => HadoopInstallation.Find(Env(("HADOOP_HOME", Path.Combine(_root, "home")))));

        Assert.StartsWith("no Hadoop Streaming jar: $HADOOP_STREAMING_JAR is not set and no hadoop-streaming*.jar is under $HADOOP_HOME (", e.Message);
        Assert.EndsWith("; set HADOOP_STREAMING_JAR=/path/to/hadoop-streaming.jar", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_streaming_jar_variable_naming_nothing_is_reported()
    {
        Touch("home/bin/hadoop");

        var e = Assert.Throws<HadoopToolException>(() => HadoopInstallation.Find(Env(("HADOOP_HOME", Path.Combine(_root, "home")), ("HADOOP_STREAMING_JAR", "/no/such.jar"))));

        Assert.Equal("HADOOP_STREAMING_JAR is /no/such.jar, which does not exist; point it at hadoop-streaming-*.jar", e.Message);
    }

    [Fact]
    public void The_default_filesystem_comes_from_core_site_and_a_setting_overrides_it()
    {
        var hadoop = new HadoopInstallation(Touch("home/bin/hadoop"), Touch("s.jar"));
        File.WriteAllText(Touch("conf/core-site.xml"), "<configuration><property><name>fs.defaultFS</name><value>hdfs://nn:8020</value></property></configuration>");
        var env = Env(("HADOOP_CONF_DIR", Path.Combine(_root, "conf")));

        Assert.Equal("hdfs://nn:8020", DefaultFileSystem.Of(hadoop, [], env));
        Assert.Equal("hdfs://other", DefaultFileSystem.Of(hadoop, ["fs.defaultFS=hdfs://other"], env));
        Assert.Equal("file:///", DefaultFileSystem.Of(hadoop, [], Env()));
    }
}
