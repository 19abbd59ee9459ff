using Hdnr.Runtime.Frozen;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT info</c>: the doc and tasks as one line of JSON, without running the script.</summary>
internal static class InfoVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("info", cmd =>
        {
            cmd.Description = "Print {\"doc\": ..., \"tasks\": [...]} as one line of JSON.";
            cmd.OnExecute(() =>
            {
                var compiled = session.Compiled;
                Console.Out.Write(InfoJson.Of(compiled.Doc, compiled.Tasks));
                return 0;
            });
        });
}
