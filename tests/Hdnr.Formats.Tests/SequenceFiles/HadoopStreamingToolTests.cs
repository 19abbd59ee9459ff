using Hdnr.Formats.SequenceFiles;

namespace Hdnr.Formats.Tests.SequenceFiles;

/// <summary>Runs the dumptb/loadtb plumbing against a stand-in <c>hadoop</c> script that records its arguments.</summary>
public sealed class HadoopStreamingToolTests : IDisposable
{
    private const string Path_ = "hdfs:///user/me/a b/$HOME;'q'.seq";
    private readonly string _folder = Directory.CreateTempSubdirectory("hdnr-fake-hadoop-").FullName;
    private readonly string _hadoop;

    public HadoopStreamingToolTests()
    {
        // Prints the fixture for dumptb, keeps stdin for loadtb, and fails on demand; each argument on its own line.
        _hadoop = Path.Combine(_folder, "hadoop");
        File.WriteAllText(_hadoop, $"""
            #!/bin/sh
            printf '%s\n' "$@" > '{_folder}/args'
            [ -e '{_folder}/fail' ] && exit 3
            case "$3" in
              dumptb) cat '{TestFiles.Fixture("all-types.tb")}' ;;
              loadtb) cat > '{_folder}/loaded' ;;
            esac
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_hadoop, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Dumptb_gets_the_path_as_one_argument_and_its_output_is_streamed()
    {
        var output = new MemoryStream();
        HadoopStreamingTool.DumpTb(Path_, s => s.CopyTo(output), "/jars/streaming.jar", _hadoop);
        Assert.Equal(File.ReadAllBytes(TestFiles.Fixture("all-types.tb")), output.ToArray());
        Assert.Equal(["jar", "/jars/streaming.jar", "dumptb", Path_, string.Empty], File.ReadAllText(Path.Combine(_folder, "args")).Split('\n'));
    }

    [Fact]
    public void Loadtb_gets_the_stream_on_its_stdin()
    {
        HadoopStreamingTool.LoadTb(Path_, s => s.Write([3, 0, 0, 0, 1, 3, 0, 0, 0, 2]), "/jars/streaming.jar", _hadoop);
        Assert.Equal([3, 0, 0, 0, 1, 3, 0, 0, 0, 2], File.ReadAllBytes(Path.Combine(_folder, "loaded")));
        Assert.Equal(["jar", "/jars/streaming.jar", "loadtb", Path_, string.Empty], File.ReadAllText(Path.Combine(_folder, "args")).Split('\n'));
    }

    [Fact]
    public void A_failing_hadoop_is_one_line_with_its_exit_code()
    {
        File.WriteAllText(Path.Combine(_folder, "fail"), string.Empty);
        var error = Assert.Throws<IOException>(() => HadoopStreamingTool.DumpTb(Path_, s => s.CopyTo(Stream.Null), "/j.jar", _hadoop));
        Assert.Equal($"{Path_}: hadoop jar $HADOOP_STREAMING_JAR dumptb failed with exit code 3 (its messages are above).", error.Message);
    }

    [Fact]
    public void What_is_missing_is_said()
    {
        var noJar = Assert.Throws<IOException>(() => HadoopStreamingTool.DumpTb(Path_, _ => { }, null, _hadoop));
        Assert.Equal($"{Path_}: only Hadoop can reach this path, and HADOOP_STREAMING_JAR is not set (it should name hadoop-streaming-*.jar).", noJar.Message);
        var noHadoop = Assert.Throws<IOException>(() => HadoopStreamingTool.LoadTb(Path_, _ => { }, "/j.jar", null));
        Assert.Equal($"{Path_}: only Hadoop can reach this path, and there is no hadoop executable on PATH.", noHadoop.Message);
    }
}
