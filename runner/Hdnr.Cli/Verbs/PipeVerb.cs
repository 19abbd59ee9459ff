using Hdnr.Runtime.Jobs;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT pipe map|reduce|combine</c>: a task whose data streams are moved off fds 0 and 1, so nothing the script prints can corrupt them.</summary>
internal static class PipeVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("pipe", cmd =>
        {
            cmd.Description = "Run a task with stdout sent to stderr and stdin at end of file, as hadoopy's pipe hopping does.";
            var task = cmd.Argument("task", "map, reduce or combine").IsRequired()
                .Accepts(v => v.Values(Enum.GetValues<TaskKind>().Select(TaskVerb.Name).ToArray()));
            var io = TaskVerb.IoOption(cmd);
            var step = TaskVerb.StepOption(cmd);
            cmd.OnExecute(() => TaskVerb.Run(session, Enum.Parse<TaskKind>(task.Value!, ignoreCase: true), io.Value(), pipe: true, TaskVerb.Step(step)));
        });
}
