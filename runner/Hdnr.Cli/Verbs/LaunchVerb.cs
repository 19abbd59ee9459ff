using System.Globalization;
using Hdnr.Hadoop.Freezing;
using Hdnr.Engine.Settings;
using Hdnr.Hadoop.Launching;
using Hdnr.Runtime.Jobs;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT launch INPUT... OUTPUT</c>: runs the job on Hadoop; the tasks run the compiled script on the framework-dependent runner, so nodes need the .NET 10 runtime.</summary>
internal static class LaunchVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("launch", cmd =>
        {
            cmd.Description = "Run the job with hadoop jar STREAMING_JAR; the compiled script and the framework-dependent runner travel in the distributed cache (nodes need the .NET 10 runtime).";
            var options = JobOptions.Add(cmd);
            cmd.OnExecute(() =>
                Launcher.Launch(session.Compiled, options.Read(session.Compiled.Sort), FreezeMode.Framework, upload: false, options.PrintCommand, Console.Out, Console.Error));
        });
}

/// <summary>The options <c>launch</c> and <c>launch-frozen</c> share, as hadoopy's launch took them.</summary>
internal sealed class JobOptions
{
    private CommandArgument paths = null!;
    private CommandOption io = null!;
    private CommandOption defines = null!;
    private CommandOption reducers = null!;
    private CommandOption files = null!;
    private CommandOption archives = null!;
    private CommandOption cmdenv = null!;
    private CommandOption inputFormat = null!;
    private CommandOption outputFormat = null!;
    private CommandOption inputReader = null!;
    private CommandOption partitioner = null!;
    private CommandOption jobName = null!;
    private CommandOption printCommand = null!;

    public bool PrintCommand => printCommand.HasValue();

    public static JobOptions Add(CommandLineApplication cmd) => new()
    {
        paths = cmd.Argument("paths", "INPUT... OUTPUT: input paths, then the output folder (which must not exist)", multipleValues: true).IsRequired(),
        io = cmd.Option("--io <FORMAT>", "text, typedbytes (with SequenceFile output), rawbytes or keyonlytext (Hadoop's -io); default: text when every type the script's functions declare has a lossless text form, else typedbytes", CommandOptionType.SingleValue)
            .Accepts(v => v.Values("typedbytes", "text", "rawbytes", "keyonlytext")),
        defines = cmd.Option("-D <SETTING>", "a job setting KEY=VALUE, passed to hadoop as -D KEY=VALUE (repeatable)", CommandOptionType.MultipleValue),
        reducers = cmd.Option<int>("--reducers <R>", "the number of reduce tasks", CommandOptionType.SingleValue),
        files = cmd.Option("--file <FILE>", "PATH[#NAME]: a file in each task's working directory (repeatable)", CommandOptionType.MultipleValue),
        archives = cmd.Option("--archive <ARCHIVE>", "PATH[#NAME]: an archive unpacked into each task's working directory; NAME defaults to the file name without .tar.gz/.tgz/.tar/.zip/.jar (repeatable)", CommandOptionType.MultipleValue),
        cmdenv = cmd.Option("--cmdenv <VARIABLE>", "NAME=VALUE: an environment variable for the tasks (repeatable)", CommandOptionType.MultipleValue),
        inputFormat = cmd.Option("--inputformat <CLASS>", "the input format (default with typedbytes: AutoInputFormat, text or SequenceFiles)", CommandOptionType.SingleValue),
        inputReader = cmd.Option("--inputreader <SPEC>", "a record reader, passed as -inputreader: \"StreamXmlRecordReader,begin=<page>,end=</page>\"", CommandOptionType.SingleValue),
        outputFormat = cmd.Option("--outputformat <CLASS>", "the output format (default with typedbytes: SequenceFileOutputFormat)", CommandOptionType.SingleValue),
        partitioner = cmd.Option("--partitioner <CLASS>", "the partitioner class, as -partitioner (default: HashPartitioner); e.g. org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner", CommandOptionType.SingleValue),
        jobName = cmd.Option("--jobname <NAME>", "the job's name (default: hdnr SCRIPT)", CommandOptionType.SingleValue),
        printCommand = cmd.Option("--print-command", "print the hadoop command line and change nothing", CommandOptionType.NoValue),
    };

    /// <summary>The options as given; a <c>[SortValues]</c> script's job (<paramref name="sort"/>) gets its key field settings and text io.</summary>
    public LaunchOptions Read(ValueSort? sort)
    {
        var values = paths.Values.Select(v => v!).ToList();
        if (values.Count < 2) throw new UserException("give INPUT... OUTPUT: at least one input path, then the output folder");
        var settings = defines.Values.Select(v => v!).ToList();
        var partitionerClass = partitioner.Value();
        if (sort is not null)
        {
            var configuration = settings.Select(d => d.IndexOf('=') is var at and > 0 ? new KeyValuePair<string, string>(d[..at], d[(at + 1)..]) : new(d, "")).ToList();
            partitionerClass = LaunchLocalVerb.SortValues(sort, configuration, partitionerClass, io.Value());
            settings.AddRange(SortValuesSettings.For(sort).Select(s => $"{s.Key}={s.Value}"));
        }
        return new LaunchOptions
        {
            Inputs = values[..^1],
            Output = values[^1],
            // A [SortValues] job needs text between map and reduce; otherwise the launcher picks the default from the script's types.
            Io = io.Value() ?? (sort is null ? null : "text"),
            Defines = settings,
            Reducers = reducers.HasValue() ? int.Parse(reducers.Value()!, CultureInfo.InvariantCulture) : null,
            Files = files.Values.Select(v => v!).ToList(),
            Archives = archives.Values.Select(v => v!).ToList(),
            CmdEnv = cmdenv.Values.Select(v => v!).ToList(),
            InputFormat = inputFormat.Value(),
            OutputFormat = outputFormat.Value(),
            InputReader = inputReader.Value(),
            Partitioner = partitionerClass,
            JobName = jobName.Value(),
        };
    }
}
