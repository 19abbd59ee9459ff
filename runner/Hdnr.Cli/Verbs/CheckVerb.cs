using Hdnr.Runtime.Frozen;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT check</c>: compiles the script and checks its functions' shapes, running none of its code, for editors and CI.</summary>
internal static class CheckVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("check", cmd =>
        {
            cmd.Description = "Compile the script and check its functions, running nothing: errors as file(line,col): error CODE: message and exit 7; a clean script prints its tasks and exits 0.";
            cmd.OnExecute(() =>
            {
                // Compiling loads the assembly only to read its functions' shapes; the script's top-level code is not run.
                var tasks = session.Compiled.Tasks;
                Console.Out.Write($"{session.ScriptArgument}: ok, tasks: {string.Join(", ", tasks.Select(ScriptVerbs.Name))}\n");
                return 0;
            });
        });
}
