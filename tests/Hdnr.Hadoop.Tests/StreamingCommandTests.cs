using Hdnr.Engine.Scheduling;
using Hdnr.Hadoop.Launching;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Hadoop.Tests;

/// <summary>The exact <c>hadoop jar</c> argv that launch and launch-frozen build: no Hadoop needed.</summary>
public sealed class StreamingCommandTests
{
    private static readonly HadoopInstallation Hadoop = new("/opt/hadoop/bin/hadoop", "/opt/hadoop/share/hadoop/tools/lib/hadoop-streaming-2.8.5.jar");

    private static readonly TaskKind[] WordCount = [TaskKind.Map, TaskKind.Reduce, TaskKind.Combine];

    private static LaunchOptions Options(params string[] inputs) => new() { Inputs = inputs, Output = "out", Io = "text" };

    [Fact]
    public void A_word_count_runs_typedbytes_tasks_from_the_frozen_archive_with_a_combiner_and_sequencefile_output()
    {
        var argv = StreamingCommand.Build(Hadoop, Options("in/a.txt", "in/b.txt") with { Io = "typedbytes" }, "wc", WordCount, "file:/tmp/hdnr/K/wc.tar.gz");

        Assert.Equal(
            [
                "/opt/hadoop/bin/hadoop", "jar", "/opt/hadoop/share/hadoop/tools/lib/hadoop-streaming-2.8.5.jar",
                "-D", "mapreduce.job.name=hdnr wc",
                "-archives", "file:/tmp/hdnr/K/wc.tar.gz#_frozen",
                "-io", "typedbytes",
                "-inputformat", "org.apache.hadoop.streaming.AutoInputFormat",
                "-outputformat", "org.apache.hadoop.mapred.SequenceFileOutputFormat",
                "-input", "in/a.txt", "-input", "in/b.txt",
                "-output", "out",
                "-mapper", "_frozen/wc pipe map",
                "-combiner", "_frozen/wc pipe combine",
                "-reducer", "_frozen/wc pipe reduce",
            ],
            argv);
    }

    [Fact]
    public void A_script_without_reduce_is_a_map_only_job_with_zero_reducers()
    {
        var argv = StreamingCommand.Build(Hadoop, Options("in") with { Reducers = 3 }, "upper", [TaskKind.Map], "x.tar.gz");

        Assert.DoesNotContain("-reducer", argv);
        Assert.DoesNotContain("-combiner", argv);
        Assert.Equal(["-numReduceTasks", "0"], argv.Skip(argv.ToList().IndexOf("-numReduceTasks")).Take(2));
    }

    [Fact]
    public void Text_io_leaves_hadoops_text_formats_and_sets_no_io()
    {
        var argv = StreamingCommand.Build(Hadoop, Options("in") with { Io = "text" }, "wc", WordCount, "x.tar.gz");

        Assert.DoesNotContain("-io", argv);
        Assert.DoesNotContain("-inputformat", argv);
        Assert.DoesNotContain("-outputformat", argv);
    }

    [Theory]
    [InlineData("rawbytes")]
    [InlineData("keyonlytext")]
    public void Rawbytes_and_keyonlytext_io_pass_as_io_with_hadoops_default_formats(string io)
    {
        var argv = StreamingCommand.Build(Hadoop, Options("in") with { Io = io }, "wc", WordCount, "x.tar.gz").ToList();

        Assert.Equal(io, argv[argv.IndexOf("-io") + 1]);
        Assert.DoesNotContain("-inputformat", argv);
        Assert.DoesNotContain("-outputformat", argv);
    }

    [Fact]
    public void Settings_come_first_in_order_and_the_other_options_pass_through()
    {
        var options = Options("in") with
        {
            Defines = ["mapreduce.map.memory.mb=1024", "a.b=c d"],
            Reducers = 3,
            Files = ["/data/stop words.txt", "hdfs:///dict.txt#dict"],
            Archives = ["/data/deps.tar.gz", "/data/model.tgz#m", "/data/lib.zip", "/data/plain.tar"],
            CmdEnv = ["LANG=C", "X=1"],
            InputFormat = "org.apache.hadoop.mapred.SequenceFileAsTextInputFormat",
            OutputFormat = "org.apache.hadoop.mapred.TextOutputFormat",
            JobName = "my job",
        };

        var argv = StreamingCommand.Build(Hadoop, options, "wc", WordCount, "file:/f/wc.tar.gz").ToList();

        Assert.Equal(
            ["-D", "mapreduce.map.memory.mb=1024", "-D", "a.b=c d", "-D", "mapreduce.job.name=my job",
             "-files", "/data/stop words.txt,hdfs:///dict.txt#dict",
             "-archives", "file:/f/wc.tar.gz#_frozen,/data/deps.tar.gz,/data/model.tgz#m,/data/lib.zip,/data/plain.tar"],
            argv.Skip(3).Take(10));
        Assert.Equal("org.apache.hadoop.mapred.SequenceFileAsTextInputFormat", argv[argv.IndexOf("-inputformat") + 1]);
        Assert.Equal("org.apache.hadoop.mapred.TextOutputFormat", argv[argv.IndexOf("-outputformat") + 1]);
        Assert.Equal(["-reducer", "_frozen/wc pipe reduce", "-numReduceTasks", "3", "-cmdenv", "LANG=C", "-cmdenv", "X=1"], argv[^8..]);
    }

    [Theory]
    [InlineData("deps.tar.gz", "deps.tar.gz")]
    [InlineData("/a/b/deps.TGZ", "deps.TGZ")]
    [InlineData("hdfs://nn:8020/x/site.tar", "site.tar")]
    [InlineData("hdfs://nn:8020/x/site.tar#lib", "lib")]
    [InlineData("data.bin", "data.bin")]
    public void An_archive_links_under_its_fragment_else_its_whole_file_name_as_on_Hadoop_2_8_5(string archive, string link) =>
        Assert.Equal(link, CacheLink.Parse(archive).Name);

    [Theory]
    [InlineData("deps.tar.gz")]
    [InlineData("/a/deps.zip#lib")]
    public void Launch_passes_an_archive_to_hadoop_as_given_so_hadoop_names_its_link(string archive)
    {
        var argv = StreamingCommand.Build(Hadoop, Options("in") with { Archives = [archive] }, "wc", [TaskKind.Map], "file:/b.tgz").ToList();

        Assert.Equal($"file:/b.tgz#_frozen,{archive}", argv[argv.IndexOf("-archives") + 1]);
    }

    [Theory]
    [InlineData("deps.tar.gz#")]
    [InlineData("#deps")]
    [InlineData("deps.tar.gz#a/b")]
    public void An_archive_entry_without_a_path_or_with_a_name_that_is_not_one_file_name_is_refused(string archive)
    {
        var error = Assert.Throws<HadoopToolException>(() => StreamingCommand.CacheEntry(archive));

        Assert.Equal($"'{archive}': expected PATH#NAME, NAME one file name", error.Message);
    }

    [Fact]
    public void A_script_named_with_spaces_is_quoted_so_that_hadoops_own_splitting_gives_the_path_back()
    {
        var command = StreamingCommand.TaskCommand("my job", TaskKind.Map);

        Assert.Equal("\"_frozen/my job\" pipe map", command);
        Assert.Equal(["_frozen/my job", "pipe", "map"], HadoopArgs.Split(command));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("two words")]
    [InlineData("it's")]
    [InlineData("say \"hi\"")]
    [InlineData("tab\there")]
    public void Every_word_hadoop_can_carry_round_trips_through_its_splitting(string word) =>
        Assert.Equal([word, "x"], HadoopArgs.Split(HadoopArgs.Join([word, "x"])));

    [Fact]
    public void A_word_with_both_quotes_is_refused_rather_than_mangled() =>
        Assert.Contains("both kinds of quote", Assert.Throws<HadoopToolException>(() => HadoopArgs.Quote("it's \"x\"")).Message);

    [Theory]
    [InlineData("a,b.txt")]
    [InlineData("x#")]
    public void A_cache_entry_hadoop_would_misread_is_refused(string entry) =>
        Assert.Throws<HadoopToolException>(() => StreamingCommand.Build(Hadoop, Options("in") with { Files = [entry] }, "wc", WordCount, "a.tar.gz"));

    [Fact]
    public void A_setting_without_a_value_is_refused() =>
        Assert.Contains("-D nokey", Assert.Throws<HadoopToolException>(() =>
            StreamingCommand.Build(Hadoop, Options("in") with { Defines = ["nokey"] }, "wc", WordCount, "a.tar.gz")).Message);

    [Fact]
    public void The_printed_command_is_one_shell_line_that_quotes_what_a_shell_would_split()
    {
        var line = StreamingCommand.ForShell(["/h/bin/hadoop", "jar", "s.jar", "-D", "mapreduce.job.name=hdnr wc", "-mapper", "_frozen/wc pipe map", "-input", "it's"]);

        Assert.Equal("/h/bin/hadoop jar s.jar -D 'mapreduce.job.name=hdnr wc' -mapper '_frozen/wc pipe map' -input 'it'\\''s'", line);
    }
}
