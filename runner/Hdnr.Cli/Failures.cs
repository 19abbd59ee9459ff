using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Files;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Scripting;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli;

/// <summary>Turns every way a command can fail into what the user sees: one clear line on stderr and an exit code.</summary>
internal static class Failures
{
    /// <summary>Exit code for a script that does not compile, as a compiler's.</summary>
    public const int CompileError = 2;

    /// <summary>Exit code for a folder or file hdnr would trust that is not the user's alone (a cache or scratch directory).</summary>
    public const int UnsafePath = 6;

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
            return CompileError;
        }
        catch (Exception e) when (e is ScriptException or RecordConversionException or JobShapeException)
        {
            Console.Error.WriteLine(TaskFailure.Describe(e));
            return 1;
        }
        catch (CommandParsingException e)
        {
            Console.Error.WriteLine($"hdnr: {e.Message}");
            return CompileError;
        }
        catch (UnsafePathException e)
        {
            Console.Error.WriteLine($"hdnr: {e.Message}");
            return UnsafePath;
        }
        catch (Exception e) when (e is UserException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"hdnr: {e.Message}");
            return 1;
        }
    }
}
