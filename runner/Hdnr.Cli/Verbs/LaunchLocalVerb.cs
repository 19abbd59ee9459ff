using System.Globalization;
using System.Runtime.InteropServices;
using Hdnr.Engine;
using Hdnr.Engine.Input;
using Hdnr.Engine.Scheduling;
using Hdnr.Engine.Settings;
using Hdnr.Formats.Input;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Pipes;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Wire;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT launch-local INPUT... OUTPUT</c>: runs the whole job on this machine as Hadoop Streaming would run it.</summary>
internal static class LaunchLocalVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("launch-local", cmd =>
        {
            cmd.AddName("launch_local");
            cmd.Description = "Run the job on this machine as Hadoop Streaming would: INPUT... (files, directories, globs) to the OUTPUT directory.";
            var paths = cmd.Argument("paths", "INPUT... OUTPUT", multipleValues: true).IsRequired();
            var describe = JobOptions(cmd, session, ownOutput: false);
            var report = ReportOption(cmd);
            cmd.OnExecute(() =>
            {
                if (paths.Values.Count < 2) throw new UserException("launch-local needs at least one INPUT and an OUTPUT.");
                return Run(describe(paths.Values[..^1]!, paths.Values[^1]!), session.Steps, report: report.Value());
            });
        });

    /// <summary>Adds launch-local's job options to <paramref name="cmd"/> and returns how to describe the job from them, its inputs and its output; a verb that makes its <paramref name="ownOutput"/> has no --overwrite.</summary>
    public static Func<IReadOnlyList<string>, string, JobDescription> JobOptions(CommandLineApplication cmd, ScriptSession session, bool ownOutput)
    {
        var reducers = cmd.Option<int>("--reducers <R>", "Number of reduce tasks (default 1, or -D mapreduce.job.reduces).", CommandOptionType.SingleValue);
        var settings = cmd.Option("-D <SETTING>", "A job setting KEY=VALUE, as Hadoop's -D; tasks see it as the variable KEY with dots as underscores.", CommandOptionType.MultipleValue);
        var io = cmd.Option("--io <FORMAT>", "text, typedbytes, rawbytes or keyonlytext for every task (Hadoop's -io); default: typedbytes when every input is a SequenceFile or a type the script's functions declare has no lossless text form, else text.",
            CommandOptionType.SingleValue).Accepts(v => v.Values("text", "typedbytes", "rawbytes", "keyonlytext"));
        var outputFormat = cmd.Option("--outputformat <CLASS>", "org.apache.hadoop.mapred.TextOutputFormat or SequenceFileOutputFormat (Hadoop's -outputformat); default: SequenceFiles for typedbytes, else text.",
            CommandOptionType.SingleValue);
        var isolation = cmd.Option("--isolation <MODE>", "inprocess (default) or process: each task a separate hdnr process in its own directory.",
            CommandOptionType.SingleValue).Accepts(v => v.Values("inprocess", "process"));
        var attempts = cmd.Option<int>("--max-attempts <N>", "Attempts per task before the job fails (default 4).", CommandOptionType.SingleValue)
            .Accepts(v => v.Range(1, int.MaxValue));
        var sortBuffer = cmd.Option<int>("--sort-buffer-mb <MB>", "Map output buffer per task before it spills (default 100).", CommandOptionType.SingleValue)
            .Accepts(v => v.Range(1, 2047));
        var splitMb = cmd.Option<int>("--split-mb <MB>", "Largest split of an uncompressed text file or a SequenceFile (default 32, Hadoop's local block size).", CommandOptionType.SingleValue)
            .Accepts(v => v.Range(1, int.MaxValue));
        var parallel = cmd.Option<int>("--tasks <N>", "Tasks run at once (default: one per core, or all of a kind when they number between one and two per core).", CommandOptionType.SingleValue)
            .Accepts(v => v.Range(1, int.MaxValue));
        var overwrite = ownOutput ? null : cmd.Option("--overwrite", "Replace an existing OUTPUT once the job has committed (Hadoop refuses it); never one that is or holds an input or the working or home directory.", CommandOptionType.NoValue);
        var files = cmd.Option("--file <PATH[#NAME]>", "A file linked into each task's working directory.", CommandOptionType.MultipleValue);
        var archives = cmd.Option("--archive <PATH[#NAME]>", "An archive unpacked and linked into each task's working directory.", CommandOptionType.MultipleValue);
        var inputFormat = cmd.Option("--inputformat <CLASS>", "The input format, as Hadoop's -inputformat: TextInputFormat (default), KeyValueTextInputFormat, org.apache.hadoop.mapred.lib.NLineInputFormat, SequenceFileAsTextInputFormat, SequenceFileInputFormat, AutoInputFormat.", CommandOptionType.SingleValue);
        var inputReader = cmd.Option("--inputreader <SPEC>", "A record reader, as Hadoop's -inputreader: \"StreamXmlRecordReader,begin=<page>,end=</page>\".", CommandOptionType.SingleValue);
        var partitioner = cmd.Option("--partitioner <CLASS>", "The partitioner class, as Hadoop Streaming's -partitioner: org.apache.hadoop.mapred.lib.HashPartitioner (default) or KeyFieldBasedPartitioner.", CommandOptionType.SingleValue);
        return (inputs, output) =>
        {
            var configuration = settings.Values.Select(ParseSetting).ToList();
            // StreamJob sets the record reader's settings from -inputreader, after the -D ones.
            if (inputReader.Value() is { } reader) configuration.AddRange(InputReaderSettings(reader));
            var partitionerClass = partitioner.Value();
            if (session.Compiled.Sort is { } sort) partitionerClass = SortValues(sort, configuration, partitionerClass, io.Value());
            var job = new JobDescription
            {
                ScriptPath = Path.GetFullPath(session.ScriptArgument),
                AssemblyPath = session.Compiled.AssemblyPath,
                DependencyPaths = session.Compiled.DependencyPaths,
                HasCombine = session.Compiled.Tasks.Contains(TaskKind.Combine),
                HasReduce = session.Compiled.Tasks.Contains(TaskKind.Reduce),
                Inputs = inputs,
                Output = output,
                Reducers = reducers.HasValue() ? reducers.ParsedValue : (int)(Number(configuration, "mapreduce.job.reduces") ?? 1),
                Parallelism = parallel.HasValue() ? parallel.ParsedValue : null,
                SplitBytes = splitMb.HasValue() ? (long)splitMb.ParsedValue << 20 : Math.Max(1L, Number(configuration, "fs.local.block.size", largest: long.MaxValue) ?? 32L << 20),
                MinSplitBytes = Number(configuration, "mapreduce.input.fileinputformat.split.minsize", largest: long.MaxValue) ?? 1,
                SortBufferMb = sortBuffer.HasValue() ? sortBuffer.ParsedValue : (int)(Number(configuration, "mapreduce.task.io.sort.mb", "a number of MiB from 1 to 2047", 2047, 1) ?? 100),
                SpillPercent = SpillPercent(configuration),
                MinSpillsForCombine = (int)(Number(configuration, "mapreduce.map.combine.minspills") ?? 3),
                // Hadoop's merge never ends with a factor of 1: each pass would merge one segment into one.
                SortFactor = (int)(Number(configuration, "mapreduce.task.io.sort.factor", "a number of segments from 2", smallest: 2) ?? 10),
                InputFormat = inputFormat.Value() is { } format
                    ? InputFormatClass.Parse(format) ?? throw new InputFormatException($"--inputformat {format}: launch-local does not read this input format; launch passes it to Hadoop.")
                    : inputReader.HasValue() ? InputFormatClass.StreamInput : null,
                Io = io.Value() switch
                {
                    "text" => WireFormat.Text, "typedbytes" => WireFormat.TypedBytes, "rawbytes" => WireFormat.RawBytes, "keyonlytext" => WireFormat.KeyOnlyText,
                    _ => session.Compiled.Sort is null ? null : WireFormat.Text,
                },
                // Read from the script's types only when --io leaves it open: loading them costs a few milliseconds.
                DeclaredIo = io.HasValue() || DefaultIo.TypedBytesReason(session.Compiled.AssemblyPath, session.Compiled.DependencyPaths,
                    inputFormat.HasValue() || inputReader.HasValue()) is null
                    ? WireFormat.Text : WireFormat.TypedBytes,
                PartFormat = OutputSettings.Read(configuration, outputFormat.Value()),
                Isolation = isolation.Value() == "process" ? Isolation.Process : Isolation.InProcess,
                TaskTimeoutMilliseconds = Number(configuration, "mapreduce.task.timeout", "a number of milliseconds", long.MaxValue) ?? 600_000,
                MaxAttempts = attempts.HasValue() ? attempts.ParsedValue : (int)Math.Max(1, Number(configuration, "mapreduce.map.maxattempts") ?? 4),
                ReduceMaxAttempts = attempts.HasValue() ? attempts.ParsedValue : (int)Math.Max(1, Number(configuration, "mapreduce.reduce.maxattempts") ?? 4),
                NonZeroExitIsFailure = Boolean(configuration, "stream.non.zero.exit.is.failure") ?? true,
                Overwrite = overwrite?.HasValue() == true,
                Configuration = configuration,
                Files = files.Values!,
                Archives = archives.Values!,
                HdnrCommand = SelfCommand(),
                Partitioner = Shuffle(() => ShuffleSettings.Partitioner(configuration, partitionerClass)),
                KeyOrder = Shuffle(() => ShuffleSettings.KeyOrder(configuration)),
            };
            foreach (var name in (string[])["stream.num.map.output.key.fields", "stream.num.reduce.output.key.fields"]) Number(configuration, name);
            if (job.Reducers < 0) throw new UserException($"the number of reducers is {job.Reducers}; it must be 0 or more.");
            if (!session.Compiled.Tasks.Contains(TaskKind.Map))
                throw new UserException($"{session.ScriptArgument} defines no Map function, so it cannot run as a job.");
            return job;
        };
    }

    /// <summary>Adds a <c>[SortValues]</c> job's settings to <paramref name="configuration"/> after refusing the user's conflicting ones, and returns its partitioner class.</summary>
    public static string SortValues(ValueSort sort, List<KeyValuePair<string, string>> configuration, string? partitioner, string? io)
    {
        SortValuesSettings.RefuseConflicts(configuration, partitioner);
        if (io is not (null or "text"))
            throw new UserException($"--io {io}: the script's Reduce is [SortValues], whose map output travels as text sort fields; leave --io out (text) to run it.");
        configuration.AddRange(SortValuesSettings.For(sort));
        return SortValuesSettings.PartitionerClass;
    }

    /// <summary>Adds <c>--report FILE.html</c> to <paramref name="cmd"/>.</summary>
    public static CommandOption ReportOption(CommandLineApplication cmd) =>
        cmd.Option("--report <FILE.html>", "Write a self-contained HTML page of the job (a timeline of every task attempt, the counters, each reducer's load and heaviest keys), also when the job fails.", CommandOptionType.SingleValue);

    /// <summary>Runs <paramref name="job"/> with the progress display and the counters on stderr, then <paramref name="done"/> with the process's own stdout, and writes the <paramref name="report"/> page when one is asked for, however the job ends; returns the exit code.</summary>
    /// <remarks>A job of several <paramref name="steps"/> shows each step's progress and prints each step's counters, named by the step.</remarks>
    public static int Run(JobDescription job, IReadOnlyList<JobShape> steps, Action<Stream>? done = null, string? report = null)
    {
        if (report is not null) JobReport.Check(report);
        // In-process tasks share this process's stdin and stdout: as the pipe verb gives a task, reading stdin gives end
        // of file and what a script prints goes to stderr, where it cannot be taken for anything hdnr writes.
        using var stdout = HopStdout();
        using var cancel = new CancellationTokenSource();
        var signal = 0;
        void Stop(int number)
        {
            signal = number;
            cancel.Cancel();
        }
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Stop(2);
        };
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Stop(15);
        });
        var progress = new JobProgress();
        var outcome = "Job killed: no output was committed";
        var succeeded = false;
        try
        {
            try
            {
                StepJobRunner.Run(job, steps, Console.Error, (step, name, run) =>
                {
                    // Each step its own progress; the report pictures the last step that ran.
                    progress = new JobProgress();
                    var label = name.Length == 0 ? "" : name + ": ";
                    var result = Console.IsErrorRedirected ? run(progress) : ProgressBars.Show(progress, () => run(progress), label);
                    // run prints the output and removes its folder: naming that folder would point at nothing.
                    var handedOn = step.Step < steps.Count ? $"its pairs handed to step {step.Step + 1}" : done is null ? $"output in {Path.GetFullPath(job.Output)}" : "output on stdout";
                    Console.Error.Write($"hdnr: {label}Job {result.JobId} completed successfully: {result.MapTasks} map and {result.ReduceTasks} reduce tasks, {handedOn}\n");
                    outcome = $"{label}Job {result.JobId} completed successfully: {result.MapTasks} map and {result.ReduceTasks} reduce tasks";
                    // Hadoop's plain lines where a program or a file reads them, a table where a person does.
                    if (Console.IsErrorRedirected) Console.Error.Write(result.Counters.Format());
                    else ProgressBars.ShowCounters(result.Counters);
                    return result;
                }, cancel.Token);
                succeeded = true;
                done?.Invoke(stdout);
            }
            catch (Exception e) when (!cancel.IsCancellationRequested)
            {
                outcome = $"Job not successful, no output was committed: {e.Message}";
                throw;
            }
            finally
            {
                // A failed job's page is the one most worth reading: it is written whatever the job's end.
                if (report is not null && !WriteReport(report, job, progress, outcome, succeeded)) succeeded = false;
            }
            return succeeded ? 0 : ExitCodes.Failed;
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            // Whatever a kill interrupted (a task, a merge, the commit) ends the same way.
            Console.Error.WriteLine("hdnr: Job killed: no output was committed.");
            return ExitCodes.Signal(signal);
        }
    }

    private static bool WriteReport(string report, JobDescription job, JobProgress progress, string outcome, bool succeeded)
    {
        try
        {
            JobReport.Write(report, progress, Path.GetFileName(job.ScriptPath), outcome, !succeeded);
            Console.Error.Write($"hdnr: report in {Path.GetFullPath(report)}\n");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.Write($"hdnr: could not write the report {report}: {e.Message}\n");
            return false;
        }
    }

    /// <summary>Moves stdin and stdout away from in-process tasks, which then read end of file and print on stderr, and returns the process's own stdout.</summary>
    public static Stream HopStdout()
    {
        if (!OperatingSystem.IsLinux()) return Console.OpenStandardOutput();
        var (input, output) = PipeHop.Hop();
        input.Dispose();
        return output;
    }

    // StreamJob's -inputreader: "CLASS,name=value,...", the class (streaming's package when it has no dot) as
    // stream.recordreader.class and each name=value as stream.recordreader.NAME.
    private static IEnumerable<KeyValuePair<string, string>> InputReaderSettings(string spec)
    {
        var parts = spec.Split(',');
        yield return new("stream.recordreader.class", parts[0].Contains('.') ? parts[0] : "org.apache.hadoop.streaming." + parts[0]);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=');
            yield return equals < 0 ? new("stream.recordreader." + part, "") : new("stream.recordreader." + part[..equals], part[(equals + 1)..]);
        }
    }

    // Key field options Hadoop could not parse are the user's mistake, told in one line.
    private static T Shuffle<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new UserException(e.Message);
        }
    }

    private static KeyValuePair<string, string> ParseSetting(string? text)
    {
        var equals = text?.IndexOf('=') ?? -1;
        if (equals <= 0) throw new UserException($"-D expects KEY=VALUE, got '{text}'.");
        return new(text![..equals], text[(equals + 1)..]);
    }

    // A setting launch-local implements, under any of its Hadoop names, read as Hadoop's getInt or getLong reads it
    // (trimmed); a value Hadoop could not read is the user's mistake, told in one line.
    private static long? Number(List<KeyValuePair<string, string>> settings, string name, string what = "a number", long largest = int.MaxValue, long smallest = int.MinValue)
    {
        if (HadoopSettings.Find(settings, name) is not { } setting) return null;
        return long.TryParse(setting.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= Math.Max(smallest, -largest - 1) && value <= largest
            ? value
            : throw new UserException($"-D {setting.Key} expects {what}, got '{setting.Value}'.");
    }

    // The share of the sort buffer that starts a spill: a float above 0 and at most 1, or Hadoop's map task fails.
    private static float SpillPercent(List<KeyValuePair<string, string>> settings)
    {
        if (HadoopSettings.Find(settings, "mapreduce.map.sort.spill.percent") is not { } setting) return 0.8f;
        return float.TryParse(setting.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 1
            ? value
            : throw new UserException($"-D {setting.Key} expects a fraction above 0 and at most 1, got '{setting.Value}'.");
    }

    // A boolean setting as Hadoop's getBoolean reads it (trimmed, either case); where Hadoop would quietly take its
    // default for another word, hdnr says so, as the job would not do what its author wrote.
    private static bool? Boolean(List<KeyValuePair<string, string>> settings, string name)
    {
        if (HadoopSettings.Find(settings, name) is not { } setting) return null;
        return setting.Value.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new UserException($"-D {setting.Key} expects true or false, got '{setting.Value}'."),
        };
    }

    // How to start this same hdnr for a task process: its apphost, or `dotnet hdnr.dll` when run that way.
    private static List<string> SelfCommand()
    {
        var process = Environment.ProcessPath ?? "hdnr";
        var entry = typeof(LaunchLocalVerb).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && entry.Length > 0 ? [process, entry] : [process];
    }
}
