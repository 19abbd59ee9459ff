using Hdnr.Engine.Scheduling;
using Hdnr.Formats.Input;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Tests;

/// <summary>The variables a task sees are Hadoop's job configuration with dots (and every other non-alphanumeric) as underscores.</summary>
public sealed class EnvironmentTests
{
    [Fact]
    public void A_map_task_sees_its_ids_its_split_and_every_setting()
    {
        var job = new JobDescription
        {
            ScriptPath = "job.csx",
            AssemblyPath = "job.dll",
            Inputs = ["/data/in.txt"],
            Output = "/data/out",
            Configuration = [new("my.setting-x", "1"), new("my.setting-x", "2")],
        };
        var split = new InputSplit("/data/in.txt", 100, 50, InputFormat.Text, 1000);

        var environment = TaskEnvironment.For(Context(job, WireFormat.Text, reducers: 2), "task_local7_0001_m_000003",
            "attempt_local7_0001_m_000003_1", isMap: true, 3, split, "/data/out/_temporary/0/_temporary/attempt_local7_0001_m_000003_1", "/scratch/attempt");

        Assert.Equal("2", environment["my_setting_x"]);
        Assert.Equal("job_local7_0001", environment["mapreduce_job_id"]);
        Assert.Equal("task_local7_0001_m_000003", environment["mapreduce_task_id"]);
        Assert.Equal("attempt_local7_0001_m_000003_1", environment["mapreduce_task_attempt_id"]);
        Assert.Equal("3", environment["mapreduce_task_partition"]);
        Assert.Equal("true", environment["mapreduce_task_ismap"]);
        Assert.Equal("file:/data/in.txt", environment["mapreduce_map_input_file"]);
        Assert.Equal("100", environment["mapreduce_map_input_start"]);
        Assert.Equal("50", environment["mapreduce_map_input_length"]);
        Assert.Equal("file:/data/out/_temporary/0/_temporary/attempt_local7_0001_m_000003_1", environment["mapreduce_task_output_dir"]);
        // Hadoop 2.8.5 gives the old API's name beside it.
        Assert.Equal("file:/data/out/_temporary/0/_temporary/attempt_local7_0001_m_000003_1", environment["mapred_work_output_dir"]);
        // Text io sets no stream_* variables, as Hadoop without -io.
        Assert.False(environment.ContainsKey("stream_map_input"));
        Assert.Equal("2", environment["mapreduce_job_reduces"]);
        // The old API's names Hadoop 2.8.5 sets beside the new ones when a task starts.
        Assert.Equal("attempt_local7_0001_m_000003_1", environment["mapred_task_id"]);
        Assert.Equal("task_local7_0001_m_000003", environment["mapred_tip_id"]);
        Assert.Equal("job_local7_0001", environment["mapred_job_id"]);
        Assert.Equal("true", environment["mapred_task_is_map"]);
        Assert.Equal(Environment.UserName, environment["user_name"]);
        Assert.Equal("hdnr job", environment["mapreduce_job_name"]);
        Assert.Equal("/scratch/attempt", environment["mapreduce_cluster_local_dir"]);
    }

    [Fact]
    public void A_task_sees_hadoops_defaults_and_a_deprecated_setting_under_the_name_hadoop_stores_it_as()
    {
        var job = new JobDescription
        {
            ScriptPath = "job.csx",
            AssemblyPath = "job.dll",
            Inputs = ["in"],
            Output = "out",
            Configuration = [new("io.sort.factor", "20"), new("mapred.job.name", "nightly")],
        };

        var environment = TaskEnvironment.For(Context(job, WireFormat.Text, reducers: 1), "task_local7_0001_r_000000",
            "attempt_local7_0001_r_000000_0", isMap: false, 0, null, "/out/_temporary/0/_temporary/attempt_local7_0001_r_000000_0", "/scratch/attempt");

        // Hadoop 2.8.5's mapred-default.xml and core-default.xml, as a streaming task sees them.
        Assert.Equal("0.80", environment["mapreduce_map_sort_spill_percent"]);
        Assert.Equal("/tmp/hadoop-" + Environment.UserName, environment["hadoop_tmp_dir"]);
        // Hadoop's configuration keeps a deprecated key under its current name only.
        Assert.Equal("20", environment["mapreduce_task_io_sort_factor"]);
        Assert.False(environment.ContainsKey("io_sort_factor"));
        Assert.Equal("nightly", environment["mapreduce_job_name"]);
        Assert.False(environment.ContainsKey("mapred_job_name"));
    }

    [Fact]
    public void The_io_classes_and_the_output_format_are_the_ones_the_job_runs_with()
    {
        var job = new JobDescription { ScriptPath = "job.csx", AssemblyPath = "job.dll", Inputs = ["in"], Output = "out" };
        var sequenceFiles = job with { PartFormat = Formats.Output.PartFileFormat.Text with { SequenceFile = true } };

        var raw = TaskEnvironment.For(Context(job, WireFormat.RawBytes, reducers: 1), "task_local7_0001_r_000000",
            "attempt_local7_0001_r_000000_0", isMap: false, 0, null, "/out/_temporary/0/_temporary/attempt_local7_0001_r_000000_0", "/scratch/attempt");
        var keyOnly = TaskEnvironment.For(Context(job, WireFormat.KeyOnlyText, reducers: 1), "task_local7_0001_r_000000",
            "attempt_local7_0001_r_000000_0", isMap: false, 0, null, "/out/_temporary/0/_temporary/attempt_local7_0001_r_000000_0", "/scratch/attempt");
        var text = TaskEnvironment.For(Context(sequenceFiles, WireFormat.Text, reducers: 1), "task_local7_0001_r_000000",
            "attempt_local7_0001_r_000000_0", isMap: false, 0, null, "/out/_temporary/0/_temporary/attempt_local7_0001_r_000000_0", "/scratch/attempt");

        Assert.Equal("org.apache.hadoop.streaming.io.RawBytesInputWriter", raw["stream_reduce_input_writer_class"]);
        Assert.Equal("org.apache.hadoop.io.BytesWritable", raw["mapreduce_job_output_value_class"]);
        Assert.Equal("org.apache.hadoop.streaming.io.KeyOnlyTextOutputReader", keyOnly["stream_map_output_reader_class"]);
        Assert.Equal("org.apache.hadoop.io.NullWritable", keyOnly["mapreduce_job_output_value_class"]);
        Assert.Equal("org.apache.hadoop.mapred.SequenceFileOutputFormat", text["mapred_output_format_class"]);
        Assert.Equal("org.apache.hadoop.io.Text", text["mapreduce_job_output_key_class"]);
    }

    private static JobContext Context(JobDescription job, WireFormat io, int reducers) =>
        new(job, io, global::Hdnr.Engine.Settings.StreamIo.All(io), Input.JobInput.Of(job, io), new TaskIds("job_local7_0001"), Maps: 4, InputFiles: 1, reducers, null!, null!, "/scratch", null!, null!, default);

    [Fact]
    public void Typedbytes_io_is_announced_as_io_typedbytes_does()
    {
        var job = new JobDescription { ScriptPath = "job.csx", AssemblyPath = "job.dll", Inputs = ["in"], Output = "out" };

        var environment = TaskEnvironment.For(Context(job, WireFormat.TypedBytes, reducers: 1), "task_local7_0001_r_000000",
            "attempt_local7_0001_r_000000_0", isMap: false, 0, null, "/out/_temporary/0/_temporary/attempt_local7_0001_r_000000_0", "/scratch/attempt");

        Assert.Equal("typedbytes", environment["stream_map_input"]);
        Assert.Equal("typedbytes", environment["stream_reduce_output"]);
        Assert.Equal("false", environment["mapreduce_task_ismap"]);
        Assert.False(environment.ContainsKey("mapreduce_map_input_file"));
    }

    [Fact]
    public void Scripts_that_read_the_environment_are_recognised()
    {
        var reads = Support.Job(Support.Script("""
            /// Reads its task id.
            IEnumerable<(string, string)> Map(long offset, string line)
            {
                yield return (Environment.GetEnvironmentVariable("mapreduce_task_id") ?? "", line);
            }
            """));
        var doesNot = Support.Job(Support.Example("wc.csx"));

        Assert.True(ScriptInspection.Of(reads.AssemblyPath).ReadsProcessState);
        Assert.False(ScriptInspection.Of(doesNot.AssemblyPath).ReadsProcessState);
    }

    [Fact]
    public void Scripts_with_assignable_static_fields_are_recognised_and_readonly_ones_are_not()
    {
        var assignable = Support.Job(Support.Script("""
            /// Numbers records across calls in a static counter.
            IEnumerable<(long, string)> Map(long offset, string line)
            {
                yield return (Numbering.Next++, line);
            }

            static class Numbering
            {
                public static long Next;
            }
            """));
        var readOnly = Support.Job(Support.Script("""
            /// Splits on a shared pattern and uses lambdas (cached by the compiler in static fields of its own).
            using System.Text.RegularExpressions;
            IEnumerable<(string, int)> Map(long offset, string line) => Words.Split(line).Where(w => w.Length > 0).Select(w => (w, 1));

            static class Words
            {
                public const int Unused = 0;
                static readonly Regex Space = new(@"\s+");
                public static string[] Split(string line) => Space.Split(line);
            }
            """));

        Assert.True(ScriptInspection.Of(assignable.AssemblyPath).HasAssignableStatics);
        Assert.False(ScriptInspection.Of(readOnly.AssemblyPath).HasAssignableStatics);
        Assert.False(ScriptInspection.Of(Support.Job(Support.Example("wc.csx")).AssemblyPath).HasAssignableStatics);
    }
}
