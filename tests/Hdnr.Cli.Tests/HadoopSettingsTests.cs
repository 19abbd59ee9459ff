using System.Text;
using Hdnr.Engine.Settings;

namespace Hdnr.Cli.Tests;

/// <summary>No Hadoop setting is silently ignored by launch-local: one it does not implement is refused in one line before anything is touched, one at Hadoop's default or of the user's own is accepted.</summary>
public sealed class HadoopSettingsTests
{
    private static string NewOutput() => Path.Combine(Directory.CreateTempSubdirectory("hdnr-settings-").FullName, "out");

    private static string Refusal(string key) =>
        $"hdnr: -D {key}: launch-local does not implement this Hadoop setting yet, beyond Hadoop's default; launch passes it to Hadoop.\n";

    [Fact]
    public void A_partitioner_class_launch_local_does_not_implement_is_refused_with_exit_2_and_no_output_is_made()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "--partitioner", "com.example.MyPartitioner"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hdnr: --partitioner com.example.MyPartitioner: launch-local implements org.apache.hadoop.mapred.lib.HashPartitioner and "
            + "org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner only; launch passes it to Hadoop.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void Text_part_files_of_typedbytes_output_are_refused_with_exit_2_and_no_output_is_made()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "--io", "typedbytes", "--outputformat", "org.apache.hadoop.mapred.TextOutputFormat"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hdnr: --outputformat org.apache.hadoop.mapred.TextOutputFormat: with typedbytes output, Hadoop's TextOutputFormat writes the Java toString of each "
            + "TypedBytesWritable, which launch-local does not imitate; leave --outputformat out (SequenceFiles, which `hdnr readtb` shows) or use --io text; launch passes it to Hadoop.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Fact]
    public void A_map_output_codec_hadoop_does_not_have_fails_the_job_in_one_line_as_on_hadoop_and_no_output_is_made()
    {
        var output = NewOutput();

        // Hadoop 2.8.5 fails every map task ("Compression codec org.example.Codec was not found") and Streaming exits 1.
        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "-D", "mapreduce.map.output.compress=true", "-D", "mapred.map.output.compression.codec=org.example.Codec"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hdnr: -D mapred.map.output.compression.codec: Hadoop 2.8.5 has no codec org.example.Codec, so its map tasks fail (\"Compression codec org.example.Codec was not found\").\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Fact]
    public void A_setting_joined_to_its_D_is_read_as_hadoops_GenericOptionsParser_reads_it()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "-Dmapreduce.job.reduces=2"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["_SUCCESS", "part-00000", "part-00001"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_boolean_setting_that_is_neither_true_nor_false_is_refused_in_one_line_where_hadoop_would_quietly_take_its_default()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "-D", "stream.non.zero.exit.is.failure=no"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hdnr: -D stream.non.zero.exit.is.failure expects true or false, got 'no'.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Fact]
    public void The_new_api_partitioner_names_hadoop_streaming_fails_on_are_refused_saying_so()
    {
        var newApi = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", NewOutput(), "-D",
            "mapred.partitioner.class=org.apache.hadoop.mapreduce.lib.partition.KeyFieldBasedPartitioner"]);
        var jobSetting = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", NewOutput(), "-D",
            "mapreduce.job.partitioner.class=org.apache.hadoop.mapreduce.lib.partition.HashPartitioner"]);

        Assert.Equal(2, newApi.ExitCode);
        Assert.Equal("hdnr: -D mapred.partitioner.class: Hadoop Streaming fails this job (class org.apache.hadoop.mapreduce.lib.partition.KeyFieldBasedPartitioner "
            + "not org.apache.hadoop.mapred.Partitioner); use org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner or org.apache.hadoop.mapred.lib.HashPartitioner.\n", newApi.Stderr);
        Assert.Equal(2, jobSetting.ExitCode);
        Assert.Equal(Refusal("mapreduce.job.partitioner.class"), jobSetting.Stderr);
    }

    [Fact]
    public void Key_field_options_hadoop_cannot_parse_are_refused_in_one_line()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "-D",
            "mapreduce.job.output.key.comparator.class=org.apache.hadoop.mapred.lib.KeyFieldBasedComparator", "-D", "mapred.text.key.comparator.options=-k1,x"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hdnr: -D mapred.text.key.comparator.options: -k1,x is not of the form -k pos1[,pos2], where pos is f[.c][nr] (Hadoop's tasks would fail).\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Fact]
    public void A_deprecated_name_is_refused_the_same_way_naming_it_as_written()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "-D", "mapred.output.value.groupfn.class=org.example.FirstField"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(Refusal("mapred.output.value.groupfn.class"), run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Fact]
    public void A_sort_factor_below_two_is_refused_as_hadoops_merge_would_never_end()
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "-D", "io.sort.factor=1"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hdnr: -D io.sort.factor expects a number of segments from 2, got '1'.\n", run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Fact]
    public void Settings_at_hadoops_default_are_accepted_and_change_nothing()
    {
        var plain = NewOutput();
        var defaults = NewOutput();

        var a = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", plain]);
        var b = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", defaults, "-D", "stream.num.map.output.key.fields=1",
            "-D", "stream.map.output.field.separator=\t", "-D", "mapred.partitioner.class=org.apache.hadoop.mapred.lib.HashPartitioner",
            "-D", "mapreduce.output.fileoutputformat.compress= FALSE", "-D", "stream.map.input=text", "-D", "mapreduce.job.queuename=etl"]);

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, "part-00000")), File.ReadAllBytes(Path.Combine(defaults, "part-00000")));
    }

    [Fact]
    public void The_io_settings_are_accepted_when_they_say_what_io_says_and_refused_when_they_contradict_it()
    {
        var output = NewOutput();

        var agreeing = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "--io", "typedbytes", "-D", "stream.map.input=typedbytes"]);
        var contradicting = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", NewOutput(), "--io", "typedbytes", "-D", "stream.map.input=text"]);

        Assert.True(agreeing.ExitCode == 0, agreeing.ToString());
        Assert.Equal(2, contradicting.ExitCode);
        Assert.Equal("hdnr: -D stream.map.input: --io typedbytes sets all four stream.* io settings, as Hadoop's -io, which wins over -D; give one or the other.\n", contradicting.Stderr);
    }

    [Fact]
    public void A_users_own_setting_reaches_the_scripts_environment()
    {
        var script = TempScript.Write("""
            /// Keeps the words longer than the job's threshold.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                var threshold = int.Parse(Environment.GetEnvironmentVariable("myjob_threshold") ?? "0");
                foreach (var word in line.Split(' ')) if (word.Length > threshold) yield return (word, 1);
            }
            """, "threshold.csx");
        var output = NewOutput();

        var run = Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output, "-D", "myjob.threshold=4"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("quick\t1\nbrown\t1\njumps\t1\nsleeps\t1\n", File.ReadAllText(Path.Combine(output, "part-00000")));
    }

    [Fact]
    public void Fs_local_block_size_and_the_deprecated_min_split_size_cut_splits_as_hadoop_does()
    {
        var input = Path.Combine(Directory.CreateTempSubdirectory("hdnr-settings-in-").FullName, "in.txt");
        File.WriteAllText(input, string.Concat(Enumerable.Range(0, 300).Select(i => $"line {i:D4}\n")));

        var small = Hdnr.Run(["wc.csx", "launch-local", input, NewOutput(), "--reducers", "0", "-D", "fs.local.block.size=1000"]);
        var minimum = Hdnr.Run(["wc.csx", "launch-local", input, NewOutput(), "--reducers", "0", "-D", "fs.local.block.size=1000",
            "-D", "mapred.min.split.size=2000"]);

        // 3000 bytes: 3 blocks of 1000 (Hadoop's split slop lets the last 1000 stay whole), then splits of at least 2000.
        Assert.True(small.ExitCode == 0, small.ToString());
        Assert.Contains("completed successfully: 3 map and 0 reduce tasks", small.Stderr);
        Assert.True(minimum.ExitCode == 0, minimum.ToString());
        Assert.Contains("completed successfully: 2 map and 0 reduce tasks", minimum.Stderr);
    }

    /// <summary>Every setting the table says launch-local does not implement, each under its name or, taking turns, one of its other names.</summary>
    public static TheoryData<string> NotImplementedSettings()
    {
        var data = new TheoryData<string>();
        foreach (var (setting, i) in HadoopSettings.All.Where(s => s.Status == SettingStatus.NotImplemented).Select((s, i) => (s, i)))
        {
            string[] names = [setting.Name, .. setting.OtherNames];
            data.Add(names[i % names.Length]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NotImplementedSettings))]
    public void Each_setting_the_table_says_launch_local_does_not_implement_is_refused(string key)
    {
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output, "-D", $"{key}=hdnr-not-a-default"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(Refusal(key), run.Stderr);
        Assert.False(Directory.Exists(output), "a refused job makes no OUTPUT");
    }

    [Fact]
    public void Every_name_of_a_setting_launch_local_does_not_implement_is_refused_and_no_other_setting_is()
    {
        var names = HadoopSettings.All.SelectMany(s => (string[])[s.Name, .. s.OtherNames]).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        foreach (var setting in HadoopSettings.All)
        {
            foreach (var name in (string[])[setting.Name, .. setting.OtherNames])
            {
                var refused = Record.Exception(() => HadoopSettings.RefuseUnimplemented([new(name, "hdnr-not-a-default")], []));
                if (setting.Status == SettingStatus.NotImplemented) Assert.Equal(Refusal(name)[6..^1], refused?.Message);
                else Assert.Null(refused);
                Assert.Null(Record.Exception(() => HadoopSettings.RefuseUnimplemented(setting.Defaults.Select(d => KeyValuePair.Create(name, d)).ToList(), [])));
            }
        }
    }

    [Fact]
    public void The_readme_shows_the_table_launch_local_follows()
    {
        var readme = File.ReadAllText(Path.Combine(Hdnr.RepoRoot, "README.md"));

        var table = new StringBuilder("| setting | other names | Hadoop's default | launch-local |\n| --- | --- | --- | --- |\n");
        foreach (var s in HadoopSettings.All)
        {
            var status = s.Status switch
            {
                SettingStatus.Implemented => "implemented",
                SettingStatus.NoEffect => "accepted: changes no output",
                _ => "refused unless Hadoop's default",
            };
            table.Append($"| `{s.Name}` | {string.Join(", ", s.OtherNames.Select(n => $"`{n}`"))} | ")
                .Append(string.Join(", ", s.Defaults.Select(d => d == "\t" ? "tab" : $"`{d}`")) is { Length: > 0 } d ? d : "unset")
                .Append($" | {status}{(s.Note.Length > 0 ? ": " + s.Note : "")} |\n");
        }

        Assert.True(readme.Contains(table.ToString(), StringComparison.Ordinal), "README.md should hold this table:\n" + table);
    }
}
