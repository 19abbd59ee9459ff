using Hdnr.Hadoop;
using Hdnr.Hadoop.Freezing;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT freeze ARCHIVE</c>: an archive whose root holds an executable named after the script that runs its verbs with nothing installed.</summary>
internal static class FreezeVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("freeze", cmd =>
        {
            cmd.Description = "Write ARCHIVE (.tar, .tar.gz or .tgz) with an executable named after the script at its root: ./NAME info|map|reduce|combine|pipe TASK.";
            var archive = cmd.Argument("archive", "the archive to write").IsRequired();
            var mode = ModeOption(cmd);
            var sideFiles = cmd.Option("-Z|--side-file <FILE>", "a file to put at the archive's root (repeatable)", CommandOptionType.MultipleValue);
            cmd.OnExecute(() =>
            {
                ArchiveFreezer.Freeze(session.Compiled, archive.Value!, FreezeModes.Parse(mode.Value()), sideFiles.Values.Select(v => v!).ToList(), Console.Error);
                return 0;
            });
        });

    public static CommandOption ModeOption(CommandLineApplication cmd) =>
        cmd.Option("--mode <MODE>", "native (default: one NativeAOT executable), self-contained (ReadyToRun runtime and the compiled script) or framework (nodes have .NET 10)",
            CommandOptionType.SingleValue).Accepts(v => v.Values(FreezeModes.Names.ToArray()));
}
