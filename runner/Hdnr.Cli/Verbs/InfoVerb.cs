using Hdnr.Runtime.Frozen;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT info</c>: the doc and tasks as one line of JSON, without running the script.</summary>
internal static class InfoVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("info", cmd =>
        {
            cmd.Description = "Print {\"doc\": ..., \"tasks\": [...]} as one line of JSON; a job of several steps adds \"steps\": [{\"tasks\": [...]}, ...].";
            cmd.OnExecute(() =>
            {
                Console.Out.Write(InfoJson.Of(session.Compiled.Doc, session.Steps));
                return 0;
            });
        });
}
