using Hdnr.Engine.Scheduling;
using Hdnr.Engine.Settings;
using Hdnr.Formats.Input;
using Hdnr.Runtime.Frozen;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Hadoop.Launching;

/// <summary>The <c>hadoop jar STREAMING_JAR ...</c> command line of a job whose tasks run a frozen executable from the archive linked as <c>_frozen</c>.</summary>
public static class StreamingCommand
{
    /// <summary>The link name of the frozen bundle in each task's working directory.</summary>
    public const string FrozenLink = "_frozen";

    private const string IdentityMapper = "org.apache.hadoop.mapred.lib.IdentityMapper";

    /// <summary>The argv: <paramref name="hadoop"/>'s executable first, then every argument as Hadoop receives it.</summary>
    /// <param name="hadoop">The installation to run.</param>
    /// <param name="options">What the user asked for.</param>
    /// <param name="name">The frozen executable's name (the script's).</param>
    /// <param name="tasks">The script's tasks, from <c>info</c>.</param>
    /// <param name="frozenArchive">The bundle's URI or local path, linked as <see cref="FrozenLink"/>.</param>
    public static IReadOnlyList<string> Build(HadoopInstallation hadoop, LaunchOptions options, string name, IReadOnlyList<TaskKind> tasks, string frozenArchive)
    {
        ArgumentNullException.ThrowIfNull(hadoop);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tasks);
        if (options.Inputs.Count == 0) throw new HadoopToolException("launch needs at least one INPUT before OUTPUT");
        if (options.Io is not ("typedbytes" or "text" or "rawbytes" or "keyonlytext"))
            throw new HadoopToolException($"--io is '{options.Io}'; use text, typedbytes, rawbytes or keyonlytext");
        if (options.Reducers is < 0) throw new HadoopToolException("--reducers must be 0 or more");
        var mapOnly = !tasks.Contains(TaskKind.Reduce) || options.Reducers == 0;

        var argv = new List<string> { hadoop.Hadoop, "jar", hadoop.StreamingJar };
        // Generic options (-D, -files, -archives) must come before the streaming ones.
        foreach (var define in options.Defines)
        {
            if (!define.Contains('=')) throw new HadoopToolException($"-D {define}: expected key=value");
            argv.Add("-D");
            argv.Add(define);
        }
        argv.Add("-D");
        argv.Add($"mapreduce.job.name={options.JobName ?? "hdnr " + name}");
        if (options.Files.Count > 0)
        {
            argv.Add("-files");
            argv.Add(string.Join(',', options.Files.Select(f => CacheEntry(f))));
        }
        argv.Add("-archives");
        argv.Add(string.Join(',', new[] { $"{frozenArchive}#{FrozenLink}" }.Concat(options.Archives.Select(a => CacheEntry(a)))));

        if (options.Io != "text")
        {
            argv.Add("-io");
            argv.Add(options.Io);
        }
        // -inputreader chooses StreamInputFormat itself, unless an input format is given.
        var inputFormat = options.InputFormat ?? (options.Io == "typedbytes" && options.InputReader is null ? InputFormatClass.Auto.Name : null);
        if (options.InputReader is not null)
        {
            argv.Add("-inputreader");
            argv.Add(options.InputReader);
        }
        if (inputFormat is not null)
        {
            argv.Add("-inputformat");
            argv.Add(inputFormat);
        }
        var outputFormat = options.OutputFormat ?? (options.Io == "typedbytes" ? OutputSettings.SequenceFileOutputFormat : null);
        if (outputFormat is not null)
        {
            argv.Add("-outputformat");
            argv.Add(outputFormat);
        }
        if (options.Partitioner is not null)
        {
            argv.Add("-partitioner");
            argv.Add(options.Partitioner);
        }
        foreach (var input in options.Inputs)
        {
            argv.Add("-input");
            argv.Add(input);
        }
        argv.Add("-output");
        argv.Add(options.Output);
        argv.Add("-mapper");
        argv.Add(tasks.Contains(TaskKind.Map) ? TaskCommand(name, TaskKind.Map, options.Step) : IdentityMapper);
        if (mapOnly)
        {
            argv.Add("-numReduceTasks");
            argv.Add("0");
        }
        else
        {
            if (tasks.Contains(TaskKind.Combine))
            {
                argv.Add("-combiner");
                argv.Add(TaskCommand(name, TaskKind.Combine, options.Step));
            }
            argv.Add("-reducer");
            argv.Add(TaskCommand(name, TaskKind.Reduce, options.Step));
            if (options.Reducers is { } reducers)
            {
                argv.Add("-numReduceTasks");
                argv.Add(reducers.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        foreach (var variable in options.CmdEnv)
        {
            if (!variable.Contains('=')) throw new HadoopToolException($"--cmdenv {variable}: expected NAME=VALUE");
            argv.Add("-cmdenv");
            argv.Add(variable);
        }
        return argv;
    }

    /// <summary>The task's command, split by Hadoop: <c>_frozen/wc pipe map</c>, with <c>--step N</c> for a later step's.</summary>
    public static string TaskCommand(string name, TaskKind kind, int step = 1) =>
        HadoopArgs.Join(step == 1
            ? [$"{FrozenLink}/{name}", "pipe", ScriptVerbs.Name(kind)]
            : [$"{FrozenLink}/{name}", "pipe", ScriptVerbs.Name(kind), "--step", step.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>The options of step <paramref name="step"/> of <paramref name="count"/> of the script <paramref name="name"/>: the job's own inputs for step 1, its output and formats for the last, and typedbytes SequenceFiles in <paramref name="temporary"/> between steps.</summary>
    public static LaunchOptions ForStep(LaunchOptions options, string name, JobShape step, int count, string temporary)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(step);
        var (first, last) = (step.Step == 1, step.Step == count);
        const string TypedBytes = "typedbytes";
        // The launcher has picked the job's io (the user's --io, or the script's default) before the steps are cut.
        var io = options.Io ?? throw new ArgumentException("the job's io is picked before its steps", nameof(options));
        var streams = DefaultIo.StepStreams(step, count, io, TypedBytes);
        // Pairs between tasks travel as typedbytes, so a setting that names them would be overridden: refused instead.
        if (streams[1] == TypedBytes && options.Defines.FirstOrDefault(d => d.StartsWith("stream.map.output=", StringComparison.Ordinal) || d.StartsWith("stream.reduce.input=", StringComparison.Ordinal)) is { } between)
            throw new HadoopToolException($"-D {between}: {DefaultIo.BetweenTasksReason}");
        var same = streams.All(s => s == streams[0]);
        return options with
        {
            Step = step.Step,
            Inputs = first ? options.Inputs : [$"{temporary}/step-{step.Step - 1}"],
            Output = last ? options.Output : $"{temporary}/step-{step.Step}",
            // -io sets all four streams over any -D; mixed ones go as -D, after the user's, so they win.
            Io = same ? streams[0] : "text",
            Defines = same ? options.Defines : [.. options.Defines, .. StreamNames.Select((n, i) => $"{n}={streams[i]}")],
            InputFormat = first
                ? options.InputFormat ?? (options.Io == TypedBytes && options.InputReader is null ? InputFormatClass.Auto.Name : null)
                : InputFormatClass.SequenceFile.Name,
            InputReader = first ? options.InputReader : null,
            OutputFormat = last ? options.OutputFormat ?? (options.Io == TypedBytes ? OutputSettings.SequenceFileOutputFormat : null) : OutputSettings.SequenceFileOutputFormat,
            Reducers = step.Reducers ?? options.Reducers,
            JobName = $"{options.JobName ?? "hdnr " + name} (step {step.Step} of {count})",
        };
    }

    /// <summary><paramref name="options"/> with in-mapper combining's default setting where <paramref name="step"/>'s job allows it (<see cref="InMapperCombining"/>), as launch-local gives it.</summary>
    /// <exception cref="HadoopToolException">The user set it for a job that cannot have it, or not to a number.</exception>
    public static LaunchOptions WithInMapperCombining(LaunchOptions options, JobShape step)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(step);
        // A -D as its task sees it: by its variable's name, the last one given winning; -io sets all four streams over
        // any -D, and without it (text) a -D stream.map.output names the map's.
        string? Variable(string name) => name == "stream_map_output" && options.Io is not (null or "text") ? options.Io
            : options.Define(key => TaskSettings.VariableName(key) == name);
        try
        {
            return InMapperCombining.For(step, Variable, options.Reducers != 0) is { } setting
                ? options with { Defines = [.. options.Defines, $"{setting.Key}={setting.Value}"] }
                : options;
        }
        catch (ArgumentException e)
        {
            throw new HadoopToolException(e.Message);
        }
    }

    private static readonly string[] StreamNames = ["stream.map.input", "stream.map.output", "stream.reduce.input", "stream.reduce.output"];

    /// <summary>A <c>-files</c> or <c>-archives</c> entry as Hadoop takes it, checked: <c>PATH#NAME</c>, or <c>PATH</c>, which Hadoop links under its file name (<see cref="CacheLink"/>).</summary>
    public static string CacheEntry(string entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(entry);
        if (entry.Contains(','))
            throw new HadoopToolException($"'{entry}' holds a comma, which Hadoop's -files and -archives lists cannot carry");
        try
        {
            CacheLink.Parse(entry);
        }
        catch (InvalidDataException e)
        {
            throw new HadoopToolException(e.Message);
        }
        return entry;
    }

    /// <summary>The command line as one shell-ready line, for <c>--print-command</c>: every word single-quoted where the shell would split or expand it.</summary>
    public static string ForShell(IReadOnlyList<string> argv) =>
        string.Join(' ', argv.Select(ShellWord));

    private static string ShellWord(string word) =>
        word.Length > 0 && word[0] != '#' && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+#".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
