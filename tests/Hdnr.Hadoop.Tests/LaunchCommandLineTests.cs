namespace Hdnr.Hadoop.Tests;

/// <summary><c>hdnr SCRIPT launch|launch-frozen ... --print-command</c> as a process, against a Hadoop laid out on disk but never run: no Hadoop needed.</summary>
public sealed class LaunchCommandLineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hdnr-fake-hadoop-home-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A Hadoop home whose <c>hadoop</c> would fail the test if anything ran it.</summary>
    private Dictionary<string, string?> FakeHadoop(string defaultFs)
    {
        var home = Path.Combine(_root, "hadoop home");
        Directory.CreateDirectory(Path.Combine(home, "bin"));
        Directory.CreateDirectory(Path.Combine(home, "share/hadoop/tools/lib"));
        Directory.CreateDirectory(Path.Combine(home, "etc/hadoop"));
        var ran = Path.Combine(_root, "ran");
        File.WriteAllText(Path.Combine(home, "bin/hadoop"), $"#!/bin/sh\necho \"$@\" >> '{ran}'\nexit 3\n");
        Assert.Equal(0, Processes.Exec("chmod", ["755", Path.Combine(home, "bin/hadoop")]).ExitCode);
        File.WriteAllText(Path.Combine(home, "share/hadoop/tools/lib/hadoop-streaming-2.7.7.jar"), "");
        File.WriteAllText(Path.Combine(home, "etc/hadoop/core-site.xml"),
            $"<configuration><property><name>fs.defaultFS</name><value>{defaultFs}</value></property></configuration>");
        return new Dictionary<string, string?>
        {
            ["HADOOP_HOME"] = home, ["HADOOP_STREAMING_JAR"] = null, ["HADOOP_CONF_DIR"] = null, ["HADOOP_MAPRED_HOME"] = null,
            ["PATH"] = NoDotnet.Path,
        };
    }

    [Fact]
    public void Launch_frozen_prints_the_exact_command_with_the_native_bundle_travelling_with_the_job_and_text_io_and_runs_nothing()
    {
        var environment = FakeHadoop("hdfs://namenode:8020");
        var home = environment["HADOOP_HOME"]!;

        var run = Hdnr.Run([Hdnr.Example("wc.csx"), "launch_frozen", "in/a b.txt", "in/c.txt", "out", "--print-command",
            "-D", "mapreduce.task.timeout=600000", "--reducers", "3", "--archive", "/data/deps.tar.gz", "--cmdenv", "LANG=C"], environment: environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(
            $"^'{home}/bin/hadoop' jar '{home}/share/hadoop/tools/lib/hadoop-streaming-2.7.7.jar' " +
            "-D mapreduce.task.timeout=600000 -D hdnr.map.combine.mb=32 -D 'mapreduce.job.name=hdnr wc' " +
            $"-archives {System.Text.RegularExpressions.Regex.Escape(new Uri(Hdnr.SharedCache).AbsoluteUri)}/[^ ]+/[0-9a-f]{{32}}/wc\\.tar\\.gz#_frozen,/data/deps.tar.gz " +
            "-input 'in/a b.txt' -input in/c.txt -output out " +
            "-mapper '_frozen/wc pipe map' -combiner '_frozen/wc pipe combine' -reducer '_frozen/wc pipe reduce' -numReduceTasks 3 -cmdenv LANG=C\n$",
            run.Stdout);
        Assert.False(File.Exists(Path.Combine(_root, "ran")), "hadoop was run");
    }

    [Fact]
    public void Launch_picks_typedbytes_io_with_sequencefile_output_only_for_a_script_whose_types_text_would_not_carry()
    {
        var environment = FakeHadoop("file:///");
        var script = Path.Combine(_root, "bytes.csx");
        File.WriteAllText(script, """
            /// Keeps each line's bytes: byte[] has no lossless text form.
            IEnumerable<(string, byte[])> Map(long offset, string line) => [(line, System.Text.Encoding.UTF8.GetBytes(line))];
            IEnumerable<(string, byte[])> Reduce(string line, IEnumerable<byte[]> values) => [(line, values.First())];
            """);

        var bytes = Hdnr.Run([script, "launch", "in", "out", "--print-command"], environment: environment);
        var text = Hdnr.Run([script, "launch", "in", "out", "--print-command", "--io", "text"], environment: environment);

        Assert.True(bytes.ExitCode == 0, bytes.ToString());
        Assert.Contains(" -io typedbytes -inputformat org.apache.hadoop.streaming.AutoInputFormat -outputformat org.apache.hadoop.mapred.SequenceFileOutputFormat -input in ", bytes.Stdout);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.DoesNotContain("-io", text.Stdout);
        Assert.DoesNotContain("-outputformat", text.Stdout);
        Assert.False(File.Exists(Path.Combine(_root, "ran")), "hadoop was run");
    }

    [Fact]
    public void Launch_frozen_self_contained_keeps_its_bundle_in_the_users_own_store_on_the_default_filesystem()
    {
        var environment = FakeHadoop("hdfs://namenode:8020");
        environment["HADOOP_USER_NAME"] = "ana";

        var run = Hdnr.Run([Hdnr.Example("wc.csx"), "launch-frozen", "in", "out", "--print-command", "--mode", "self-contained"], environment: environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(" -archives hdfs://namenode:8020/user/ana/\\.hdnr/bundles/[0-9a-f]{32}/wc\\.tar\\.gz#_frozen ", run.Stdout);
        Assert.False(File.Exists(Path.Combine(_root, "ran")), "hadoop was run");
    }

    [Fact]
    public void Launch_passes_the_settings_launch_local_refuses_to_hadoop_unchanged_joined_to_their_D_or_not()
    {
        var environment = FakeHadoop("file:///");

        var run = Hdnr.Run([Hdnr.Example("wc.csx"), "launch", "in", "out", "--print-command", "--io", "text",
            "-D", "stream.num.map.output.key.fields=2", "-Dmapred.text.key.partitioner.options=-k1,1", "-D", "myjob.threshold=5"],
            environment: environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(" -D stream.num.map.output.key.fields=2 -D mapred.text.key.partitioner.options=-k1,1 -D myjob.threshold=5 -D 'mapreduce.job.name=hdnr wc' ",
            run.Stdout);
        Assert.False(File.Exists(Path.Combine(_root, "ran")), "hadoop was run");
    }

    [Fact]
    public void Launch_passes_the_partitioner_to_hadoop_as_streamings_partitioner_option()
    {
        var environment = FakeHadoop("file:///");

        var run = Hdnr.Run([Hdnr.Example("wc.csx"), "launch", "in", "out", "--print-command", "--io", "text",
            "--partitioner", "org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner", "-D", "mapreduce.partition.keypartitioner.options=-k1,1"],
            environment: environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(" -partitioner org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner -input in -output out ", run.Stdout);
        Assert.False(File.Exists(Path.Combine(_root, "ran")), "hadoop was run");
    }

    [Fact]
    public void Launch_prints_a_local_framework_bundle_and_the_same_task_commands()
    {
        var environment = FakeHadoop("file:///");

        var run = Hdnr.Run([Hdnr.Example("wc.csx"), "launch", "in", "out", "--print-command", "--io", "text"], environment: environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(" -archives file:///\\S+/frozen/[0-9a-f]{32}/wc\\.tar\\.gz#_frozen -input in -output out -mapper '_frozen/wc pipe map' ", run.Stdout);
        Assert.DoesNotContain("-io", run.Stdout);
        Assert.False(File.Exists(Path.Combine(_root, "ran")), "hadoop was run");
    }

    [Fact]
    public void Without_hadoop_launch_says_in_one_line_what_it_looked_for()
    {
        var run = Hdnr.Run([Hdnr.Example("wc.csx"), "launch-frozen", "in", "out"],
            environment: new Dictionary<string, string?> { ["HADOOP_HOME"] = null, ["PATH"] = NoDotnet.Path, ["HADOOP_STREAMING_JAR"] = null });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hdnr: no hadoop command: looked for $HADOOP_HOME/bin/hadoop (not set) and hadoop on PATH; set HADOOP_HOME to your Hadoop's folder or put its bin on PATH\n", run.Stderr);
    }

    [Fact]
    public void Launch_needs_an_input_and_an_output()
    {
        var run = Hdnr.Run([Hdnr.Example("wc.csx"), "launch", "only-one"], environment: FakeHadoop("file:///"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hdnr: give INPUT... OUTPUT: at least one input path, then the output folder\n", run.Stderr);
    }

    [Fact]
    public void Launch_refuses_in_mapper_combining_where_the_job_cannot_have_it_and_a_value_that_is_not_a_number()
    {
        var environment = FakeHadoop("file:///");

        var keyFields = Hdnr.Run([Hdnr.Example("wc.csx"), "launch", "in", "out", "--print-command", "-D", "stream.num.map.output.key.fields=2", "-D", "hdnr.map.combine.mb=8"],
            environment: environment);
        var notANumber = Hdnr.Run([Hdnr.Example("wc.csx"), "launch", "in", "out", "--print-command", "-D", "hdnr.map.combine.mb=lots"], environment: environment);
        var off = Hdnr.Run([Hdnr.Example("wc.csx"), "launch", "in", "out", "--print-command", "-D", "hdnr.map.combine.mb=0"], environment: environment);
        // A map task could not read this setting, with or without reducers: refused before Hadoop is asked.
        var badFields = Hdnr.Run([Hdnr.Example("wc.csx"), "launch", "in", "out", "--print-command", "--reducers", "0", "-D", "stream.num.map.output.key.fields=two"],
            environment: environment);

        Assert.Equal(1, keyFields.ExitCode);
        Assert.Equal("hdnr: -D hdnr.map.combine.mb=8: its map tasks cannot run Combine over their own output: its map output is cut into key fields, so Hadoop's key is not the script's; leave the setting out\n", keyFields.Stderr);
        Assert.Equal(1, notANumber.ExitCode);
        Assert.Equal("hdnr: -D hdnr.map.combine.mb=lots: expected a number of MiB from 0 to 2047\n", notANumber.Stderr);
        Assert.Equal((1, "hdnr: stream_num_map_output_key_fields is \"two\"; expected a number\n"), (badFields.ExitCode, badFields.Stderr));
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Contains(" -D hdnr.map.combine.mb=0 -D 'mapreduce.job.name=hdnr wc' ", off.Stdout);
        Assert.False(File.Exists(Path.Combine(_root, "ran")), "hadoop was run");
    }

    [Fact]
    public void Launch_refuses_0_reducers_where_a_later_step_reads_a_reduces_output_given_either_way()
    {
        var environment = FakeHadoop("file:///");

        var option = Hdnr.Run([Hdnr.Example("mostused.csx"), "launch", "in", "out", "--print-command", "--reducers", "0"], environment: environment);
        var define = Hdnr.Run([Hdnr.Example("mostused.csx"), "launch", "in", "out", "--print-command", "-D", "mapreduce.job.reduces=0"], environment: environment);

        const string Refusal = "hdnr: 0 reducers (--reducers 0 or -D mapreduce.job.reduces=0): step 1 of 2 would run map-only, but step 2 takes its Reduce's output; give 1 reducer or more, or declare [Reducers(n)] on step 1\n";
        Assert.Equal((1, Refusal), (option.ExitCode, option.Stderr));
        Assert.Equal((1, Refusal), (define.ExitCode, define.Stderr));
        Assert.False(File.Exists(Path.Combine(_root, "ran")), "hadoop was run");
    }
}
