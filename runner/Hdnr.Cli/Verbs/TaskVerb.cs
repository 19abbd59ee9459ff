using Hdnr.Runtime.Frozen;
using Hdnr.Runtime.Jobs;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT map|reduce|combine</c>: one Hadoop Streaming task, stdin to stdout.</summary>
internal static class TaskVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session)
    {
        foreach (var kind in Enum.GetValues<TaskKind>())
        {
            app.Command(Name(kind), cmd =>
            {
                cmd.Description = $"Run the script's {kind} as a streaming task: stdin to stdout.";
                var io = IoOption(cmd);
                var inputFile = kind == TaskKind.Map
                    ? cmd.Option("--input-file <PATH>", "The file stdin holds, as Hadoop tells a map task (mapreduce_map_input_file, the script's Context.InputFile), for map | sort | reduce.",
                        CommandOptionType.SingleValue)
                    : null;
                var step = StepOption(cmd);
                cmd.OnExecute(() =>
                {
                    if (inputFile?.Value() is { } path) NameInputFile(path);
                    return Run(session, kind, io.Value(), pipe: false, Step(step));
                });
            });
        }
    }

    // As Hadoop names a local split's file to its task, under the new name and the deprecated one; Context.InputFile reads it back.
    private static void NameInputFile(string path)
    {
        var uri = "file:" + Path.GetFullPath(path);
        Environment.SetEnvironmentVariable("mapreduce_map_input_file", uri);
        Environment.SetEnvironmentVariable("map_input_file", uri);
    }

    public static string Name(TaskKind kind) => ScriptVerbs.Name(kind);

    public static CommandOption IoOption(CommandLineApplication cmd) =>
        cmd.Option("--io <FORMAT>", "text, typedbytes, rawbytes or keyonlytext; default: what Hadoop's stream_*_input/output say, else text.",
            CommandOptionType.SingleValue).Accepts(v => v.Values("text", "typedbytes", "rawbytes", "keyonlytext"));

    /// <summary>Adds <c>--step N</c>: which step of a job of several steps the task belongs to.</summary>
    public static CommandOption<int> StepOption(CommandLineApplication cmd) =>
        cmd.Option<int>("--step <N>", "The step whose task runs (default 1): its functions are Map2, Reduce2, ... for 2, and it reads that step's input types.",
            CommandOptionType.SingleValue);

    /// <summary>The step <c>--step</c> names, 1 without it.</summary>
    public static int Step(CommandOption<int> step) => step.HasValue() ? step.ParsedValue : 1;

    /// <summary>Runs a task of <paramref name="step"/> the way a frozen executable does (<see cref="ScriptVerbs"/>), after compiling the script.</summary>
    public static int Run(ScriptSession session, TaskKind kind, string? io, bool pipe, int step = 1)
    {
        // Compile first: compiler errors belong on stderr either way, but a pipe hop is for the task alone.
        var tasks = step == 1 ? session.Compiled.Tasks : session.Step(step).Tasks;
        if (!tasks.Contains(kind))
            throw new UserException(step == 1
                ? ScriptVerbs.NoSuchTask(session.ScriptArgument, kind)
                : $"{session.ScriptArgument} defines no {JobShape.FunctionName(kind.ToString(), step)} function, so step {step} has no '{Name(kind)}' task.");
        return ScriptVerbs.RunTask(context => session.CreateJob(context, step), kind, io, pipe);
    }
}
