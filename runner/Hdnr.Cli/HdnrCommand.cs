using McMaster.Extensions.CommandLineUtils;
using Hdnr.Cli.Verbs;
using Hdnr.Runtime.Tasks;

namespace Hdnr.Cli;

/// <summary>The hdnr command line: <c>hdnr SCRIPT [VERB]</c> for a script's verbs, <c>hdnr VERB</c> for the rest.</summary>
internal static class HdnrCommand
{
    public static int Execute(string[] args)
    {
        // hadoopy's order is "script verb", which McMaster cannot express as subcommands of one app:
        // the script's path comes first, so the verbs that need no script get an app of their own.
        if (args.Length == 0 || args[0].StartsWith('-') || ToolVerbs.Contains(args[0]))
            return CreateToolApp().Execute(args);
        if (!File.Exists(args[0]))
        {
            // "hdnr map wc.csx" is read as the user meant it: the script first, then the verb.
            if (VerbCatalog.Find(args[0]) is { TakesScript: true } && args.Length > 1 && File.Exists(args[1]))
                args = [args[1], args[0], .. args[2..]];
            else if (!args[0].EndsWith(".csx", StringComparison.OrdinalIgnoreCase) && VerbCatalog.Closest(args[0], VerbCatalog.Named.Select(v => v.Name)) is { } verb)
                throw new UserException($"'{args[0]}' is neither a verb nor a script file; did you mean '{verb}'? (hdnr help lists the verbs)");
        }
        return CreateScriptApp(new ScriptSession(args[0])).Execute(SplitJoinedSettings(args[1..]));
    }

    // Hadoop's GenericOptionsParser takes -Dkey=value as well as -D key=value; McMaster would read the first as a
    // cluster of one-letter options.
    private static string[] SplitJoinedSettings(string[] args) =>
        args.SelectMany(a => a.Length > 2 && a.StartsWith("-D", StringComparison.Ordinal) ? new[] { "-D", a[2..] } : [a]).ToArray();

    private static readonly HashSet<string> ToolVerbs = ["readtb", "writetb", "bundles", "new", "help"];

    private static CommandLineApplication CreateToolApp()
    {
        var app = NewApp("hdnr");
        app.Description = "Runs C# scripts (.csx) as Hadoop Streaming jobs. Usage: hdnr SCRIPT.csx [VERB] [ARGS]";
        app.VersionOption("--version", () => Versions.Hdnr);
        ReadTbVerb.Register(app);
        WriteTbVerb.Register(app);
        BundlesVerb.Register(app);
        NewVerb.Register(app);
        app.Command("help", cmd =>
        {
            cmd.Description = "Print every verb, or VERB's options and an example.";
            var verb = cmd.Argument("verb", "the verb to explain");
            cmd.OnExecute(() => Help(app, verb.Value));
        });
        VerbCatalog.Describe(app);
        RefuseInOneLine(app);
        app.OnExecute(() =>
        {
            app.ShowHelp();
            return ExitCodes.Usage;
        });
        return app;
    }

    private static int Help(CommandLineApplication toolApp, string? name)
    {
        if (name is null)
        {
            toolApp.ShowHelp();
            return 0;
        }
        var verb = VerbCatalog.Find(name) ?? throw new UserException(
            $"help: no verb '{name}'{(VerbCatalog.Closest(name, VerbCatalog.Named.Select(v => v.Name)) is { } near ? $"; did you mean '{near}'?" : "")} (hdnr help lists the verbs)");
        // A script verb's help needs no script: the session compiles only when a verb runs.
        return verb.TakesScript
            ? CreateScriptApp(new ScriptSession("SCRIPT.csx")).Execute([verb.Name, "--help"])
            : CreateToolApp().Execute([verb.Name, "--help"]);
    }

    private static CommandLineApplication CreateScriptApp(ScriptSession session)
    {
        var app = NewApp($"hdnr {session.ScriptArgument}");
        DocVerb.Register(app, session);
        CheckVerb.Register(app, session);
        TestVerb.Register(app, session);
        RunVerb.Register(app, session);
        InfoVerb.Register(app, session);
        TaskVerb.Register(app, session);
        PipeVerb.Register(app, session);
        SortVerb.Register(app, session);
        LaunchLocalVerb.Register(app, session);
        FreezeVerb.Register(app, session);
        LaunchVerb.Register(app, session);
        LaunchFrozenVerb.Register(app, session);
        VerbCatalog.Describe(app);
        RefuseInOneLine(app);
        return app;
    }

    // McMaster answers a value an option does not accept in two lines (one on stdout) with exit 1, a task's failure code.
    private static void RefuseInOneLine(CommandLineApplication app)
    {
        app.ValidationErrorHandler = result => throw new UserException($"{Refused(app)}{result.ErrorMessage}");
        foreach (var command in app.Commands) RefuseInOneLine(command);
    }

    // The option or argument whose value was refused, named as the user wrote it (McMaster's message names only the value).
    private static string Refused(CommandLineApplication app)
    {
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(app);
        if (app.GetOptions().FirstOrDefault(o => o.Validators.Any(v => v.GetValidationResult(o, context) is { } result && result != System.ComponentModel.DataAnnotations.ValidationResult.Success)) is { } option)
            return $"{(option.LongName is { } name ? "--" + name : "-" + option.ShortName)}: ";
        return app.Arguments.FirstOrDefault(a => a.Validators.Any(v => v.GetValidationResult(a, context) is { } result && result != System.ComponentModel.DataAnnotations.ValidationResult.Success)) is { } argument
            ? $"{argument.Name}: " : "";
    }

    private static CommandLineApplication NewApp(string name)
    {
        // Suggestions are told in the one-line error (Failures), not on lines of their own.
        var app = new CommandLineApplication(throwOnUnexpectedArg: true) { Name = name, FullName = "hdnr", MakeSuggestionsInErrorMessage = false };
        app.HelpOption("-h|--help", inherited: true);
        return app;
    }
}
