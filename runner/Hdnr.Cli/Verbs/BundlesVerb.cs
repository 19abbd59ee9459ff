using System.Globalization;
using Hdnr.Hadoop;
using Hdnr.Hadoop.Launching;
using Hdnr.Runtime.Tasks;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr bundles [--older-than AGE]</c>: lists the user's bundle store on the cluster with sizes and ages, and removes the old ones, as a user cleans a cache.</summary>
internal static class BundlesVerb
{
    public static void Register(CommandLineApplication app) =>
        app.Command("bundles", cmd =>
        {
            cmd.Description = "List the frozen bundles launch-frozen keeps for you on the cluster's filesystem (HOME/.hdnr/bundles), with sizes and ages.";
            var olderThan = cmd.Option("--older-than <AGE>", "Remove the bundles older than AGE (e.g. 30d, 12h, 45m) and list what was removed.", CommandOptionType.SingleValue);
            var defines = cmd.Option("-D <SETTING>", "A Hadoop setting KEY=VALUE, e.g. -D fs.defaultFS=hdfs://nn:8020.", CommandOptionType.MultipleValue);
            cmd.OnExecute(() =>
            {
                TimeSpan? age = null;
                if (olderThan.HasValue())
                {
                    age = ParseAge(olderThan.Value()!);
                    if (age is null)
                    {
                        Console.Error.WriteLine($"hdnr: --older-than {olderThan.Value()}: expected a number and a unit, d (days), h (hours) or m (minutes), e.g. 30d");
                        return ExitCodes.Usage;
                    }
                }
                var store = BundleStore.For(HadoopInstallation.Find(), defines.Values!);
                var all = store.List();
                var now = DateTime.Now;
                var shown = age is { } limit ? all.Where(b => now - b.Modified > limit).ToList() : all;
                if (age is not null) store.Remove(shown, all);
                foreach (var bundle in shown)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Size(bundle.Size),9}  {Age(now - bundle.Modified),5}  {bundle.Path}"));
                var total = Size(shown.Sum(b => b.Size));
                Console.Error.WriteLine(age is null
                    ? $"hdnr: {shown.Count} file(s), {total} in {store.Root}"
                    : $"hdnr: removed {shown.Count} file(s) older than {olderThan.Value()}, {total}; {all.Count - shown.Count} kept in {store.Root}");
                return 0;
            });
        });

    /// <summary>30d, 12h or 45m; null when it is none of them.</summary>
    internal static TimeSpan? ParseAge(string text) =>
        text.Length >= 2 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? text[^1] switch { 'd' => TimeSpan.FromDays(n), 'h' => TimeSpan.FromHours(n), 'm' => TimeSpan.FromMinutes(n), _ => null }
            : null;

    private static string Size(long bytes) =>
        bytes >= 1 << 20 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB")
        : bytes >= 1 << 10 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB")
        : $"{bytes} B";

    private static string Age(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{(int)age.TotalDays}d" : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h" : $"{Math.Max(0, (int)age.TotalMinutes)}m";
}
