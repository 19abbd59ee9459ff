using Hdnr.Formats.SequenceFiles;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr readtb PATH...</c>: print the pairs of SequenceFiles, text files or directories of part files, as hadoopy's readtb and Hadoop's dumptb.</summary>
internal static class ReadTbVerb
{
    public static void Register(CommandLineApplication app) =>
        app.Command("readtb", cmd =>
        {
            cmd.Description = "Print the pairs of SequenceFiles, or of text files as Hadoop's dumptb reads them (byte offset, line), or of directories of part files; hdfs:// and other schemes through hadoop dumptb.";
            var paths = cmd.Argument("path", "SequenceFiles, text files (gzip and bzip2 too) or directories of part files", multipleValues: true).IsRequired();
            var format = cmd.Option("--format <FORMAT>", "readable (default: one pair a line, strings quoted, bytes as hex), typedbytes (dumptb's stream) or tsv.",
                CommandOptionType.SingleValue).Accepts(v => v.Values("readable", "typedbytes", "tsv"));
            cmd.OnExecute(() =>
            {
                using var stdout = Console.OpenStandardOutput();
                SequenceFileDump.Write(paths.Values!, PairFormatter.ParseFormat(format.Value()), stdout);
                return 0;
            });
        });
}
