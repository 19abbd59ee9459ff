using McMaster.Extensions.CommandLineUtils;
using Hdnr.Cli.Verbs;

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
        return CreateScriptApp(new ScriptSession(args[0])).Execute(SplitJoinedSettings(args[1..]));
    }

    // Hadoop's GenericOptionsParser takes -Dkey=value as well as -D key=value; McMaster would read the first as a
    // cluster of one-letter options.
    private static string[] SplitJoinedSettings(string[] args) =>
        args.SelectMany(a => a.Length > 2 && a.StartsWith("-D", StringComparison.Ordinal) ? new[] { "-D", a[2..] } : [a]).ToArray();

    private static readonly HashSet<string> ToolVerbs = ["readtb", "writetb", "bundles"];

    private static CommandLineApplication CreateToolApp()
    {
        var app = NewApp("hdnr");
        app.Description = "Runs C# scripts (.csx) as Hadoop Streaming jobs. Usage: hdnr SCRIPT.csx [VERB] [ARGS]";
        app.ExtendedHelpText = ScriptVerbsHelp;
        app.VersionOption("--version", () => Versions.Hdnr);
        ReadTbVerb.Register(app);
        WriteTbVerb.Register(app);
        BundlesVerb.Register(app);
        app.OnExecute(() =>
        {
            app.ShowHelp();
            return 1;
        });
        return app;
    }

    private static CommandLineApplication CreateScriptApp(ScriptSession session)
    {
        var app = NewApp($"hdnr {session.ScriptArgument}");
        app.ExtendedHelpText = ScriptVerbsHelp;
        DocVerb.Register(app, session);
        InfoVerb.Register(app, session);
        TaskVerb.Register(app, session);
        PipeVerb.Register(app, session);
        LaunchLocalVerb.Register(app, session);
        FreezeVerb.Register(app, session);
        LaunchVerb.Register(app, session);
        LaunchFrozenVerb.Register(app, session);
        return app;
    }

    private static CommandLineApplication NewApp(string name)
    {
        var app = new CommandLineApplication(throwOnUnexpectedArg: true) { Name = name, FullName = "hdnr" };
        app.HelpOption("-h|--help", inherited: true);
        return app;
    }

    private const string ScriptVerbsHelp = """

        Script verbs (hdnr SCRIPT.csx VERB):
          (none)                        print the script's doc and exit 1
          info                          print {"doc": ..., "tasks": [...]} as one line of JSON
          map | reduce | combine        run one streaming task: stdin to stdout
          pipe map|reduce|combine       the same, with stdout and stdin hopped away from the script
          launch-local INPUT... OUTPUT  run the whole job on this machine as Hadoop Streaming would
          freeze ARCHIVE                write ARCHIVE holding ./NAME, which runs these verbs with nothing installed
          launch INPUT... OUTPUT        run the job on Hadoop (nodes need the .NET 10 runtime)
          launch-frozen INPUT... OUTPUT run the job on Hadoop from a frozen bundle (nodes need nothing)
        """;
}
