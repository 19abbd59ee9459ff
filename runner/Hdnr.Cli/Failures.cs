using Hdnr.Runtime.Files;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Scripting;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli;

/// <summary>Turns every way a command can fail into what the user sees: one clear line on stderr and an exit code from <see cref="ExitCodes"/>.</summary>
internal static class Failures
{
    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (ScriptCompilationException e)
        {
            foreach (var line in e.Diagnostics)
                Console.Error.WriteLine(line);
            return ExitCodes.Usage;
        }
        catch (CommandParsingException e)
        {
            Console.Error.WriteLine($"hdnr: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (UnsafePathException e)
        {
            Console.Error.WriteLine($"hdnr: {e.Message}");
            return ExitCodes.UnsafePath;
        }
        catch (UserException e)
        {
            Console.Error.WriteLine($"hdnr: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (TaskFailure.IsTold(e))
        {
            Console.Error.WriteLine(TaskFailure.Line(e, "hdnr"));
            return ExitCodes.Failed;
        }
    }
}
