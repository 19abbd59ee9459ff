using Hdnr.Runtime.Frozen;
using Hdnr.Runtime.Tasks;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT</c>: prints the script's doc and exits with the usage code, as no verb was given.</summary>
internal static class DocVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.OnExecute(() =>
        {
            Console.Out.Write(ScriptVerbs.DocText(session.Compiled.Doc));
            return ExitCodes.Usage;
        });
}
