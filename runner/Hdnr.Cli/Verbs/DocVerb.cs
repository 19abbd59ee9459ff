using Hdnr.Runtime.Frozen;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT</c>: prints the script's doc and exits 1, as a hadoopy script run without a verb does.</summary>
internal static class DocVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.OnExecute(() =>
        {
            Console.Out.Write(ScriptVerbs.DocText(session.Compiled.Doc));
            return 1;
        });
}
