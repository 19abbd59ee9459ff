using Hdnr.Formats.SequenceFiles;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr writetb PATH</c>: write the pairs on stdin into a SequenceFile of TypedBytesWritable, as hadoopy's writetb.</summary>
internal static class WriteTbVerb
{
    public static void Register(CommandLineApplication app) =>
        app.Command("writetb", cmd =>
        {
            cmd.Description = "Write the pairs on stdin (a typed bytes stream, or tab-separated lines) into a SequenceFile (hdfs:// and other schemes through hadoop loadtb).";
            var path = cmd.Argument("path", "the SequenceFile to write").IsRequired();
            var format = cmd.Option("--format <FORMAT>", "typedbytes (default) or tsv.",
                CommandOptionType.SingleValue).Accepts(v => v.Values("typedbytes", "tsv"));
            var compression = cmd.Option("--compression <KIND>", "none (default), record or block (zlib, Hadoop's DefaultCodec).",
                CommandOptionType.SingleValue).Accepts(v => v.Values("none", "record", "block"));
            var overwrite = cmd.Option("--overwrite", "replace PATH if it exists.", CommandOptionType.NoValue);
            cmd.OnExecute(() =>
            {
                using var stdin = Console.OpenStandardInput();
                try
                {
                    SequenceFileLoad.Run(
                        stdin,
                        "stdin",
                        PairFormatter.ParseFormat(format.Value() ?? "typedbytes"),
                        path.Value!,
                        Enum.Parse<SequenceFileCompression>(compression.Value() ?? "none", ignoreCase: true),
                        overwrite.HasValue());
                }
                catch (InvalidDataException e) when (!format.HasValue())
                {
                    // Tab-separated lines are the usual input that is not typed bytes: say how to read them.
                    throw new InvalidDataException($"{e.Message} (if stdin is tab-separated text, add --format tsv)", e);
                }
                return 0;
            });
        });
}
