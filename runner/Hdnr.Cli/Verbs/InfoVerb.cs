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
                var tasks = string.Join(", ", compiled.Tasks.Select(t => JsonText.Quote(t.ToString().ToLowerInvariant())));
                Console.Out.Write($"{{\"doc\": {JsonText.Quote(compiled.Doc)}, \"tasks\": [{tasks}]}}\n");
                return 0;
            });
        });
}
