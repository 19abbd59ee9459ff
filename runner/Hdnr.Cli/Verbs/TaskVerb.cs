using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
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
                cmd.OnExecute(() => Run(session, kind, io.Value(), Console.OpenStandardInput(), Console.OpenStandardOutput()));
            });
        }
    }

    public static string Name(TaskKind kind) => kind.ToString().ToLowerInvariant();

    public static CommandOption IoOption(CommandLineApplication cmd) =>
        cmd.Option("--io <FORMAT>", "text or typedbytes; default: what Hadoop's stream_*_input/output say, else text.",
            CommandOptionType.SingleValue).Accepts(v => v.Values("text", "typedbytes"));

    public static int Run(ScriptSession session, TaskKind kind, string? io, Stream input, Stream output)
    {
        if (!session.Compiled.Tasks.Contains(kind))
            throw new UserException($"{session.ScriptArgument} defines no {kind} function, so it has no '{Name(kind)}' task.");
        var job = session.CreateJob();
        using (output)
            StreamingTask.Run(job, kind, TaskIo.FromEnvironment(kind, io), input, output);
        return 0;
    }
}
