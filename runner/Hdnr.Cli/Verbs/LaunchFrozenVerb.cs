using Hdnr.Hadoop.Freezing;
using Hdnr.Hadoop.Launching;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT launch-frozen INPUT... OUTPUT</c> (or <c>launch_frozen</c>): freezes the script and runs the job from the bundle, so nodes need nothing installed.</summary>
internal static class LaunchFrozenVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("launch-frozen", cmd =>
        {
            cmd.Description = "Freeze the script and run the job from the bundle (nodes need nothing installed): a native one travels with the job, a self-contained one is kept in your bundle store (see hdnr bundles).";
            cmd.AddName("launch_frozen");
            var options = JobOptions.Add(cmd);
            var mode = FreezeVerb.ModeOption(cmd);
            cmd.OnExecute(() =>
                Launcher.Launch(session.Compiled, options.Read(session.Compiled.Sort), FreezeModes.Parse(mode.Value()), upload: true, options.PrintCommand, Console.Out, Console.Error));
        });
}
