using Hdnr.Engine.Settings;
using Hdnr.Formats.Shuffle;
using Hdnr.Runtime.Wire;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT sort</c>: a map output on stdin, sorted as the job's shuffle orders it, on stdout, for <c>map | sort | reduce</c>.</summary>
internal static class SortVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("sort", cmd =>
        {
            cmd.Description = "Sort a map output (stdin) as the job's shuffle would: Hadoop's byte order of each key, or the script's [SortValues] order; equal keys keep their order.";
            var io = cmd.Option("--io <FORMAT>", "text (default) or typedbytes: the map output's format.", CommandOptionType.SingleValue)
                .Accepts(v => v.Values("text", "typedbytes"));
            var buffer = cmd.Option<int>("--buffer-mb <MB>", "Memory for records before sorted runs go to private temporary files (default 256).", CommandOptionType.SingleValue);
            cmd.OnExecute(() =>
            {
                var typedBytes = io.Value() == "typedbytes";
                KeyOrder order = BinaryKeyOrder.Instance;
                var key = KeyFields.Default;
                if (session.Compiled.Sort is { } sort)
                {
                    if (typedBytes)
                        throw new UserException("--io typedbytes: the script's Reduce is [SortValues], whose map output travels as text sort fields; leave --io out.");
                    // The settings the job runs with, read by the one rule launch-local reads them by.
                    var settings = SortValuesSettings.For(sort);
                    order = ShuffleSettings.KeyOrder(settings);
                    key = new KeyFields([(byte)'\t'], sort.KeyFields + sort.ValueFields);
                }
                var limit = (buffer.HasValue() ? Math.Max(1, buffer.ParsedValue) : 256) * (1L << 20);
                using var input = Console.OpenStandardInput();
                using var output = Console.OpenStandardOutput();
                new PairSorter(order, typedBytes ? null : key, limit).Sort(input, output);
                return 0;
            });
        });
}
