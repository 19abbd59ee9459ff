// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
namespace Hdnr.Engine.Settings;

/// <summary>The Hadoop 2.8.5 and Hadoop Streaming settings that change a job's output or its tasks' behaviour, and the ones that change neither, with what launch-local does with each.</summary>
/// <remarks>
/// Names and deprecated names are Hadoop 2.8.5's (Configuration's deprecation list, mapred-default.xml, StreamJob and
/// PipeMapRed), defaults as a 2.8.5 JobConf reads them. A setting not in this table is the user's own: tasks see it in
/// their environment, as Hadoop's do, and launch-local reads nothing else from it.
/// </remarks>
public static class HadoopSettings
{
    private const string Tab = "\t";

    /// <summary>The table, in the order the README shows it.</summary>
    public static IReadOnlyList<HadoopSetting> All { get; } =
    [
        // What launch-local does as Hadoop does.
        Implemented("mapreduce.job.reduces", ["mapred.reduce.tasks"], "1", "`--reducers`"),
        Implemented("mapreduce.task.timeout", ["mapred.task.timeout"], "600000",
            "enforced as on a cluster; Hadoop's local mode does not enforce it"),
        Implemented("mapreduce.map.maxattempts", ["mapred.map.max.attempts"], "4",
            "`--max-attempts` (both); Hadoop's local mode runs each task once"),
        Implemented("mapreduce.reduce.maxattempts", ["mapred.reduce.max.attempts"], "4",
            "`--max-attempts` (both); Hadoop's local mode runs each task once"),
        Implemented("mapreduce.task.io.sort.mb", ["io.sort.mb"], "100", "`--sort-buffer-mb`; spills start where Hadoop's do"),
        Implemented("mapreduce.map.sort.spill.percent", ["io.sort.spill.percent"], "0.80", "the share of the sort buffer that starts a spill"),
        Implemented("mapreduce.task.io.sort.factor", ["io.sort.factor"], "10",
            "how many spills a map task merges at once, in Hadoop's passes; a reduce task merges its map outputs in one pass, as Hadoop's local mode does with map outputs it holds in memory"),
        Implemented("mapreduce.map.combine.minspills", ["min.num.spills.for.combine"], "3", "a map task with this many spills runs the combiner again as it merges them"),
        Implemented("mapreduce.input.fileinputformat.split.minsize", ["mapred.min.split.size"], "0", "bytes"),
        Implemented("fs.local.block.size", [], "33554432", "the split size in bytes; `--split-mb`"),
        Implemented("stream.non.zero.exit.is.failure", [], "true",
            "`false`: a task that exits with another code than 0 succeeds with what it wrote; tasks then run as processes"),

        // Accepted: they change no output.
        NoEffect("mapreduce.job.maps", ["mapred.map.tasks"], ["2"], "Hadoop's local mode ignores it too: one split per block"),
        NoEffect("mapreduce.input.fileinputformat.split.maxsize", ["mapred.max.split.size"], [],
            "streaming's old-API FileInputFormat does not read it"),
        NoEffect("mapreduce.local.map.tasks.maximum", [], ["1"], "tasks at once; launch-local runs one per core, or all when they number between one and two per core (`--tasks`)"),
        NoEffect("mapreduce.local.reduce.tasks.maximum", [], ["1"], "tasks at once; launch-local runs one per core, or all when they number between one and two per core (`--tasks`)"),
        NoEffect("mapreduce.job.name", ["mapred.job.name"], [], "a name"),
        NoEffect("mapreduce.job.queuename", ["mapred.job.queue.name"], ["default"], "a cluster's scheduling"),
        NoEffect("mapreduce.job.priority", ["mapred.job.priority"], [], "a cluster's scheduling"),
        NoEffect("mapreduce.job.reduce.slowstart.completedmaps", [], ["0.05"], "a cluster's scheduling"),
        NoEffect("mapreduce.map.speculative", ["mapred.map.tasks.speculative.execution"], ["true"],
            "a second attempt of a slow task; one attempt's output is committed"),
        NoEffect("mapreduce.reduce.speculative", ["mapred.reduce.tasks.speculative.execution"], ["true"],
            "a second attempt of a slow task; one attempt's output is committed"),
        NoEffect("mapreduce.map.memory.mb", ["mapred.job.map.memory.mb"], ["1024"], "a container's size"),
        NoEffect("mapreduce.reduce.memory.mb", ["mapred.job.reduce.memory.mb"], ["1024"], "a container's size"),
        NoEffect("mapreduce.map.cpu.vcores", [], ["1"], "a container's size"),
        NoEffect("mapreduce.reduce.cpu.vcores", [], ["1"], "a container's size"),
        NoEffect("mapreduce.map.java.opts", ["mapred.map.child.java.opts"], [], "the task JVM's options; tasks are .NET"),
        NoEffect("mapreduce.reduce.java.opts", ["mapred.reduce.child.java.opts"], [], "the task JVM's options; tasks are .NET"),
        NoEffect("mapred.child.java.opts", [], ["-Xmx200m"], "the task JVM's options; tasks are .NET"),
        NoEffect("mapreduce.map.output.compress", ["mapred.compress.map.output"], ["false"], "map output between tasks only"),
        NoEffect("mapreduce.map.output.compress.codec", ["mapred.map.output.compression.codec"],
            ["org.apache.hadoop.io.compress.DefaultCodec"], "map output between tasks only"),

        // Hadoop Streaming's own.
        Implemented("stream.map.input.field.separator", [], Tab, "between the key and the value on a map's stdin when the input format's key is written there", trimmed: false),
        Implemented("stream.map.input.ignoreKey", [], "", "whether a map's stdin leaves out the input format's key; by default only TextInputFormat's"),
        Implemented("stream.map.output.field.separator", [], Tab, "cuts a map task's output lines (and a map-only job's)", trimmed: false),
        Implemented("stream.num.map.output.key.fields", [], "1", "the key is the text before this many separators"),
        Implemented("stream.reduce.input.field.separator", [], Tab, "between key and value on a reduce or combine task's stdin", trimmed: false),
        Implemented("stream.reduce.output.field.separator", [], Tab, "cuts a reduce or combine task's output lines", trimmed: false),
        Implemented("stream.num.reduce.output.key.fields", [], "1", "the key is the text before this many separators"),
        Implemented("stream.map.input", [], "text", "the map's stdin (`-io`); independent of the other three, e.g. `typedbytes` to read SequenceFiles in a text job; `--io` sets all four alike, as `-io`"),
        Implemented("stream.map.output", [], "text", "the map's stdout and the pairs between map and reduce (`-io`); `--io` sets all four alike"),
        Implemented("stream.reduce.input", [], "text", "the reduce's (and combiner's) stdin (`-io`); refused unless `stream.map.output`'s: launch-local hands a reducer the map's pairs as written"),
        Implemented("stream.reduce.output", [], "text", "the reduce's (and combiner's) stdout and the part files (`-io`); independent of the rest without a Combine; with one, refused unless `stream.map.output`'s"),
        Implemented("stream.recordreader.class", [], "", "`--inputreader`; read with `--inputformat StreamInputFormat`, which `--inputreader` sets: StreamXmlRecordReader"),
        NotImplemented("stream.addenvironment", [], [], "`-cmdenv`"),

        // Keys, partitioning and order.
        Implemented("mapreduce.map.output.key.field.separator", ["map.output.key.field.separator"], Tab,
            "the fields of KeyFieldBasedPartitioner and KeyFieldBasedComparator", trimmed: false),
        Implemented("mapred.partitioner.class", [], "org.apache.hadoop.mapred.lib.HashPartitioner",
            "`--partitioner` (`-partitioner`): `org.apache.hadoop.mapred.lib.HashPartitioner` or `KeyFieldBasedPartitioner`; another class is refused"),
        NotImplemented("mapreduce.job.partitioner.class", ["mapreduce.partitioner.class"], [],
            "Hadoop Streaming fails such a job (incompatible with map compatibility mode); `--partitioner` is streaming's"),
        Implemented("mapreduce.partition.keypartitioner.options", ["mapred.text.key.partitioner.options"], "",
            "`-k pos1[,pos2]` for KeyFieldBasedPartitioner"),
        Implemented("num.key.fields.for.partition", [], "", "KeyFieldBasedPartitioner's deprecated `-k1,N`; it wins over the options"),
        Implemented("mapreduce.job.output.key.comparator.class", ["mapred.output.key.comparator.class"], "",
            "KeyFieldBasedComparator (`org.apache.hadoop.mapreduce.lib.partition` or `org.apache.hadoop.mapred.lib`); another class is refused"),
        Implemented("mapreduce.partition.keycomparator.options", ["mapred.text.key.comparator.options"], "",
            "`-k pos1[,pos2]`, `-n`, `-r` for KeyFieldBasedComparator"),
        NotImplemented("mapreduce.job.output.group.comparator.class", ["mapred.output.value.groupfn.class"], [], ""),

        // Input.
        Implemented("mapreduce.job.inputformat.class", ["mapreduce.inputformat.class"], "",
            "refused as Hadoop 2.8.5 streaming refuses it (exit 5): the new API's input format; use `--inputformat`"),
        NoEffect("mapred.input.format.class", [], [], "streaming sets it from `-inputformat` (TextInputFormat by default) over any `-D`; `--inputformat`"),
        Implemented("mapreduce.input.keyvaluelinerecordreader.key.value.separator", ["key.value.separator.in.input.line"], Tab,
            "KeyValueTextInputFormat: its first character, as a byte", trimmed: false),
        Implemented("mapreduce.input.lineinputformat.linespermap", ["mapred.line.input.format.linespermap"], "1", "NLineInputFormat"),
        Implemented("mapreduce.input.fileinputformat.input.dir.recursive", ["mapred.input.dir.recursive"], "false", "directories in input directories are read, hidden names skipped"),

        // Output.
        NotImplemented("mapreduce.job.outputformat.class", ["mapreduce.outputformat.class"], [],
            "Hadoop Streaming 2.8.5 fails a job that sets it (its tasks use the old API); `--outputformat` as `-outputformat`"),
        NoEffect("mapred.output.format.class", [], [],
            "Hadoop Streaming replaces it with `-outputformat`'s class (TextOutputFormat without one); `--outputformat`"),
        Implemented("mapreduce.output.textoutputformat.separator", ["mapred.textoutputformat.separator"], Tab,
            "TextOutputFormat's bytes between key and value, for an empty value too", trimmed: false),
        Implemented("mapreduce.output.fileoutputformat.compress", ["mapred.output.compress"], "false",
            "text parts `part-00000.deflate`, `.gz`, `.bz2`; SequenceFiles compressed inside"),
        Implemented("mapreduce.output.fileoutputformat.compress.codec", ["mapred.output.compression.codec"],
            "org.apache.hadoop.io.compress.DefaultCodec",
            "DefaultCodec, DeflateCodec, GzipCodec, BZip2Codec; ZStandardCodec fails the job as in Hadoop 2.8.5 (exit 1); others refused"),
        Implemented("mapreduce.output.fileoutputformat.compress.type", ["mapred.output.compression.type"], "RECORD",
            "SequenceFiles: `NONE`, `RECORD`, `BLOCK`"),
        NotImplemented("mapreduce.fileoutputcommitter.algorithm.version", [], ["1"], "launch-local commits as algorithm 1"),
        NotImplemented("mapreduce.fileoutputcommitter.marksuccessfuljobs", [], ["true"], "`_SUCCESS`"),

        // Tasks' environment.
        NotImplemented("mapreduce.map.env", ["mapred.map.child.env"], [], ""),
        NotImplemented("mapreduce.reduce.env", ["mapred.reduce.child.env"], [], ""),
    ];

    /// <summary>The value <paramref name="configuration"/> gives the setting named <paramref name="name"/> under any of its names, the last one given winning as in Hadoop's configuration; null when none is given.</summary>
    public static KeyValuePair<string, string>? Find(IReadOnlyList<KeyValuePair<string, string>> configuration, string name)
    {
        var setting = All.Single(s => s.Name == name);
        for (var i = configuration.Count - 1; i >= 0; i--)
            if (setting.IsNamed(configuration[i].Key)) return configuration[i];
        return null;
    }

    /// <summary>Refuses the first setting of <paramref name="configuration"/>, in the order given, that launch-local does not implement and that is neither Hadoop's default nor what the job's own options imply (<paramref name="implied"/>, as <c>-io</c> sets <c>stream.map.input</c>).</summary>
    /// <exception cref="UnimplementedSettingException">A setting launch-local would otherwise ignore.</exception>
    public static void RefuseUnimplemented(IReadOnlyList<KeyValuePair<string, string>> configuration,
        IReadOnlyList<KeyValuePair<string, string>> implied)
    {
        foreach (var (key, value) in configuration)
        {
            var setting = All.FirstOrDefault(s => s.IsNamed(key));
            if (setting is not { Status: SettingStatus.NotImplemented } || setting.IsDefault(value)) continue;
            if (implied.Any(p => p.Key == setting.Name && p.Value == value)) continue;
            throw new UnimplementedSettingException(key);
        }
    }

    // An empty default is Hadoop's "unset".
    private static HadoopSetting Implemented(string name, string[] otherNames, string hadoopDefault, string note, bool trimmed = true) =>
        new(name, otherNames, hadoopDefault.Length == 0 ? [] : [hadoopDefault], SettingStatus.Implemented, note, trimmed);

    private static HadoopSetting NoEffect(string name, string[] otherNames, string[] defaults, string note) =>
        new(name, otherNames, defaults, SettingStatus.NoEffect, note);

    private static HadoopSetting NotImplemented(string name, string[] otherNames, string[] defaults, string note, bool trimmed = true) =>
        new(name, otherNames, defaults, SettingStatus.NotImplemented, note, trimmed);
}
