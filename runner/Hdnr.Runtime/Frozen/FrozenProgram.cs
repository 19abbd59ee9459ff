using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;

namespace Hdnr.Runtime.Frozen;

/// <summary>The entry point of a frozen executable: <c>./wc [info | map | reduce | combine | pipe TASK] [--io FORMAT]</c>, as <c>hdnr wc.csx VERB</c>.</summary>
public static class FrozenProgram
{
    /// <summary>Runs the verb <paramref name="args"/> name and returns the process's exit code; every failure is one line on stderr.</summary>
    public static int Run(string[] args, FrozenScript script)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(script);
        try
        {
            return Dispatch(args, script);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"{script.Name}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (TaskFailure.IsTold(e))
        {
            Console.Error.WriteLine(TaskFailure.Line(e, script.Name));
            return ExitCodes.Failed;
        }
    }

    private static int Dispatch(string[] args, FrozenScript script)
    {
        if (args.Length == 0)
        {
            Console.Out.Write(ScriptVerbs.DocText(script.Doc));
            Console.Out.Flush();
            return ExitCodes.Usage;
        }
        var verb = args[0];
        if (verb is "-h" or "--help" or "-?")
        {
            Console.Out.Write(Usage(script.Name));
            return 0;
        }
        if (verb == "info")
        {
            NoMoreArguments(args, 1);
            Console.Out.Write(script.Info ?? InfoJson.Of(script.Doc, script.Tasks));
            Console.Out.Flush();
            return 0;
        }
        var pipe = verb == "pipe";
        var at = pipe ? 1 : 0;
        if (at >= args.Length)
            throw new UsageException("pipe needs a task: map, reduce or combine");
        var kind = ScriptVerbs.Parse(args[at])
            ?? throw new UsageException(pipe
                ? $"pipe's task must be map, reduce or combine, not '{args[at]}'"
                : $"Unrecognized command or argument '{args[at]}'");
        var (io, step) = Options(args, at + 1);
        var steps = script.StepTasks ?? [script.Tasks];
        if (step > steps.Count)
            throw new UsageException($"{script.Name} has {steps.Count} step{(steps.Count == 1 ? "" : "s")}; --step {step} names none");
        if (!steps[step - 1].Contains(kind))
        {
            Console.Error.WriteLine($"{script.Name}: {(step == 1 ? ScriptVerbs.NoSuchTask(script.Name, kind) : $"{script.Name} defines no {JobShape.FunctionName(kind.ToString(), step)} function, so step {step} has no '{ScriptVerbs.Name(kind)}' task.")}");
            return ExitCodes.Usage;
        }
        return step == 1
            ? ScriptVerbs.RunTask(context => script.CreateJob(new StderrReporter(), context), kind, io, pipe)
            : ScriptVerbs.RunTask(context => script.CreateStepJob!(new StderrReporter(), context, step), kind, io, pipe);
    }

    /// <summary>Reads <c>--io text|typedbytes</c> (or <c>--io=...</c>, <c>--io:...</c>) and <c>--step N</c> from the rest of the command line.</summary>
    private static (string? Io, int Step) Options(string[] args, int from)
    {
        string? io = null;
        var step = 1;
        for (var i = from; i < args.Length; i++)
        {
            var arg = args[i];
            string? value;
            if (arg == "--step")
            {
                if (++i >= args.Length) throw new UsageException("Missing value for option 'step'");
                if (!int.TryParse(args[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out step) || step < 1)
                    throw new UsageException($"The value for option 'step' must be a step number from 1, not '{args[i]}'");
                continue;
            }
            if (arg == "--io")
            {
                if (++i >= args.Length) throw new UsageException("Missing value for option 'io'");
                value = args[i];
            }
            else if (arg.StartsWith("--io=", StringComparison.Ordinal) || arg.StartsWith("--io:", StringComparison.Ordinal))
            {
                value = arg[5..];
            }
            else
            {
                throw new UsageException($"Unrecognized command or argument '{arg}'");
            }
            if (value is not ("text" or "typedbytes" or "rawbytes" or "keyonlytext"))
                throw new UsageException($"The value for option 'io' must be text, typedbytes, rawbytes or keyonlytext, not '{value}'");
            io = value;
        }
        return (io, step);
    }

    private static void NoMoreArguments(string[] args, int used)
    {
        if (args.Length > used) throw new UsageException($"Unrecognized command or argument '{args[used]}'");
    }

    private static string Usage(string name) => $"""
        Usage: {name} [VERB] [--io text|typedbytes] [--step N]
          (none)                        print the script's doc and exit 2
          info                          print {"{"}"doc": ..., "tasks": [...]{"}"} as one line of JSON
          map | reduce | combine        run one streaming task: stdin to stdout
          pipe map|reduce|combine       the same, with stdout and stdin hopped away from the script

        """;

    /// <summary>A command line the executable does not understand.</summary>
    private sealed class UsageException(string message) : Exception(message);
}
