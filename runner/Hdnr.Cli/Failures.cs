using Hdnr.Engine;
using Hdnr.Engine.Input;
using Hdnr.Engine.Output;
using Hdnr.Engine.Settings;
using Hdnr.Formats.Codecs;
using Hdnr.Formats.Input;
using Hdnr.Formats.Output;
using Hdnr.Hadoop;
using Hdnr.Runtime.Files;
using Hdnr.Runtime.Tasks;
using Hdnr.Scripting;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli;

/// <summary>Turns every way a command can fail into what the user sees: one clear line on stderr and an exit code from <see cref="ExitCodes"/>.</summary>
internal static class Failures
{
    // McMaster suggests option names without their dashes, and no command for a script app (it has no arguments).
    private static string? Nearest(UnrecognizedCommandParsingException e)
    {
        var word = e.Message[(e.Message.IndexOf('\'') + 1)..].TrimEnd('\'');
        if (e.NearestMatches.FirstOrDefault() is { } near)
            return word.StartsWith('-') && !near.StartsWith('-') ? "--" + near : near;
        return word.StartsWith('-') ? null : VerbCatalog.Closest(word, e.Command.Commands.Select(c => c.Name!));
    }

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
            return ExitCodes.CompileError;
        }
        catch (UnrecognizedCommandParsingException e)
        {
            Console.Error.WriteLine($"hdnr: {e.Message}{(Nearest(e) is { } near ? $"; did you mean '{near}'?" : "")}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is CommandParsingException or UnimplementedSettingException or InputFormatException or UserException)
        {
            // A command line hdnr cannot use, or a job launch-local does not run: told in one line.
            Console.Error.WriteLine($"hdnr: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (UnsafePathException e)
        {
            Console.Error.WriteLine($"hdnr: {e.Message}");
            return ExitCodes.UnsafePath;
        }
        catch (OutputExistsException e)
        {
            Console.Error.WriteLine($"hdnr: Error launching job, output path already exists: {e.Message}{(e.Replaceable ? " (--overwrite replaces it)" : "")}");
            return ExitCodes.OutputExists;
        }
        catch (IOException e) when (e is InputPathException or OutputPathException or IncompatibleSettingException)
        {
            Console.Error.WriteLine($"hdnr: Error launching job: {e.Message}");
            return ExitCodes.LaunchError;
        }
        catch (CorruptInputException e)
        {
            Console.Error.WriteLine($"hdnr: Job not successful, no output was committed: {e.Message}");
            return ExitCodes.InputCorrupt;
        }
        catch (JobFailedException e)
        {
            Console.Error.WriteLine($"hdnr: {e.Message}");
            foreach (var line in e.LastFailure.StderrTail) Console.Error.WriteLine($"hdnr:   | {line}");
            Console.Error.WriteLine("hdnr: Job not successful: no output was committed.");
            return ExitCodes.JobFailed;
        }
        catch (Exception e) when (e is HadoopToolException or SettingValueException)
        {
            // Hadoop, a cluster or a freeze refused the job or cannot be found, or a setting Hadoop fails the job on.
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
