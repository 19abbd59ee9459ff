using System.Globalization;
using System.Net;
using System.Text;
using Hdnr.Engine;
using Hdnr.Runtime.Files;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Cli;

/// <summary>A job as one self-contained HTML page (inline SVG and CSS, nothing fetched): a timeline of every task attempt, the counters, and each reducer's load with its heaviest keys.</summary>
internal static class JobReport
{
    private const int Width = 1000;
    private const int LabelWidth = 160;
    private const int Row = 18;
    private const int Axis = 24;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Refuses a report path whose folder does not exist, before the job runs rather than after.</summary>
    public static void Check(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder)) throw new UserException($"--report {path}: the folder {folder} does not exist.");
        if (Directory.Exists(path)) throw new UserException($"--report {path}: is a directory; give a file name such as job.html.");
    }

    /// <summary>Writes the page for <paramref name="progress"/> to <paramref name="path"/> in one step (a temp file renamed over it).</summary>
    /// <param name="title">What ran, e.g. the script's name.</param>
    /// <param name="outcome">How the job ended, in a few words (succeeded, failed: why, killed).</param>
    /// <param name="failed">Whether the job did not succeed, which the page shows in red.</param>
    public static void Write(string path, JobProgress progress, string title, string outcome, bool failed) =>
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(Html(progress, title, outcome, failed)));

    private static string Html(JobProgress progress, string title, string outcome, bool failed)
    {
        var attempts = progress.Attempts;
        var elapsed = progress.Elapsed;
        var page = new StringBuilder();
        page.Append($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>{{E(title)}}: hdnr job report</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
            h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
            .outcome { margin: 0 0 16px; } .outcome.failed { color: #b3261e; font-weight: 600; }
            table { border-collapse: collapse; } td, th { padding: 2px 10px; text-align: left; vertical-align: top; }
            th { border-bottom: 1px solid #999; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.group td { font-weight: 600; padding-top: 8px; }
            .bar.map { fill: #4e79a7; } .bar.combine { fill: #f28e2b; } .bar.reduce { fill: #59a14f; }
            .bar.failed { fill: #e15759; stroke: #7a0c0c; stroke-width: 1.5; } .bar.killed { fill: #bab0ac; stroke: #666; stroke-dasharray: 3 2; }
            .label { font: 11px ui-monospace, monospace; fill: #333; } .mark { font: bold 12px sans-serif; fill: #b3261e; }
            .tick { stroke: #ddd; } .ticklabel { font: 10px sans-serif; fill: #666; }
            .legend span { display: inline-block; margin-right: 14px; } .legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
            .load { fill: #59a14f; } .keys { font: 12px ui-monospace, monospace; } .keys li { list-style: none; }
            .keys ol { margin: 0; padding: 0; }
            </style>
            </head>
            <body>
            <h1>{{E(title)}}</h1>
            <p class="outcome{{(failed ? " failed" : "")}}">{{E(outcome)}} &middot; {{Seconds(elapsed)}} &middot; {{attempts.Count}} attempts</p>

            """);
        Timeline(page, attempts, elapsed);
        Reducers(page, progress.Reducers);
        Counters(page, progress);
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static void Timeline(StringBuilder page, IReadOnlyList<AttemptSpan> attempts, TimeSpan elapsed)
    {
        page.Append("""
            <h2>Timeline</h2>
            <p class="legend"><span><i style="background:#4e79a7"></i>map</span><span><i style="background:#f28e2b"></i>combine</span><span><i style="background:#59a14f"></i>reduce</span><span><i style="background:#e15759"></i>failed &#x2717;</span><span><i style="background:#bab0ac"></i>killed</span></p>

            """);
        var total = Math.Max(elapsed.TotalSeconds, attempts.Count == 0 ? 0 : attempts.Max(a => a.End.TotalSeconds));
        total = Math.Max(total, 0.001);
        var plot = Width - LabelWidth - 20;
        var height = Axis + attempts.Count * Row + 4;
        page.Append(Invariant, $"<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"task attempts over time\">\n");
        var step = TickStep(total);
        for (var t = 0.0; t <= total + step / 1000; t += step)
        {
            var x = LabelWidth + t / total * plot;
            page.Append(Invariant, $"<line class=\"tick\" x1=\"{x:0.#}\" y1=\"{Axis - 6}\" x2=\"{x:0.#}\" y2=\"{height}\"/>");
            page.Append(Invariant, $"<text class=\"ticklabel\" x=\"{x:0.#}\" y=\"{Axis - 10}\" text-anchor=\"middle\">{t.ToString("0.###", Invariant)} s</text>\n");
        }
        for (var i = 0; i < attempts.Count; i++)
        {
            var a = attempts[i];
            var y = Axis + i * Row;
            var x = LabelWidth + a.Start.TotalSeconds / total * plot;
            var w = Math.Max(2, (a.End - a.Start).TotalSeconds / total * plot);
            var kind = Kind(a.Kind);
            var outcome = a.Outcome.ToString().ToLowerInvariant();
            var tip = $"{a.AttemptId} ({kind}) {Seconds(a.Start)} to {Seconds(a.End)}: {outcome}{(a.Failure is { } why ? ": " + why : "")}";
            page.Append(Invariant, $"<text class=\"label\" x=\"{LabelWidth - 6}\" y=\"{y + Row - 5}\" text-anchor=\"end\">{E(Label(a.AttemptId))}</text>");
            page.Append(Invariant, $"<rect class=\"bar {kind}{(a.Outcome == AttemptOutcome.Succeeded ? "" : " " + outcome)}\" data-attempt=\"{E(a.AttemptId)}\" data-outcome=\"{outcome}\" x=\"{x:0.##}\" y=\"{y + 2}\" width=\"{w:0.##}\" height=\"{Row - 4}\"><title>{E(tip)}</title></rect>");
            if (a.Outcome == AttemptOutcome.Failed)
                page.Append(Invariant, $"<text class=\"mark\" x=\"{x + w + 4:0.##}\" y=\"{y + Row - 5}\">&#x2717;</text>");
            page.Append('\n');
        }
        page.Append("</svg>\n");
    }

    private static void Counters(StringBuilder page, JobProgress progress)
    {
        page.Append("<h2>Counters</h2>\n");
        if (progress.Counters is not { } counters || counters.All.Count == 0)
        {
            page.Append("<p>No task committed, so nothing was counted.</p>\n");
            return;
        }
        page.Append("<table class=\"counters\">\n<tr><th>counter</th><th>value</th></tr>\n");
        string? group = null;
        foreach (var (g, name, value) in counters.All)
        {
            if (g != group) page.Append($"<tr class=\"group\"><td colspan=\"2\">{E(group = g)}</td></tr>\n");
            page.Append(Invariant, $"<tr><td>{E(name)}</td><td class=\"n\">{value:N0}</td></tr>\n");
        }
        page.Append("</table>\n");
    }

    private static void Reducers(StringBuilder page, IReadOnlyList<ReducerLoad> reducers)
    {
        page.Append("<h2>Reducers</h2>\n");
        if (reducers.Count == 0)
        {
            page.Append("<p>No reduce task ran.</p>\n");
            return;
        }
        var most = Math.Max(1, reducers.Max(r => r.Records));
        var all = Math.Max(1, reducers.Sum(r => r.Records));
        page.Append("<table class=\"reducers\">\n<tr><th>reducer</th><th>input records</th><th>share</th><th></th><th>input bytes</th><th>heaviest keys (records)</th></tr>\n");
        foreach (var r in reducers)
        {
            var w = (double)r.Records / most * 200;
            page.Append(Invariant, $"<tr class=\"reducer\"><td>{r.Partition}</td><td class=\"n\">{r.Records:N0}</td><td class=\"n\">{100.0 * r.Records / all:0.#}%</td>");
            page.Append(Invariant, $"<td><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"12\"><rect class=\"load\" x=\"0\" y=\"1\" width=\"{w:0.##}\" height=\"10\"/></svg></td>");
            page.Append(Invariant, $"<td class=\"n\">{r.Bytes:N0}</td><td class=\"keys\"><ol>");
            foreach (var key in r.HeaviestKeys) page.Append(Invariant, $"<li>{E(key.Key)} ({key.Records:N0})</li>");
            page.Append("</ol></td></tr>\n");
        }
        page.Append("</table>\n");
    }

    // A step of 1, 2 or 5 times a power of ten that puts five to ten ticks on the axis.
    private static double TickStep(double total)
    {
        var rough = total / 8;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return (rough / power) switch { < 1.5 => 1, < 3.5 => 2, < 7.5 => 5, _ => 10 } * power;
    }

    // The attempt id without the job's part, which every row shares: m_000000_0, r_000001_2, m_000000_0 combine1.
    private static string Label(string attemptId)
    {
        var task = attemptId.IndexOf("_m_", StringComparison.Ordinal) is >= 0 and var m ? m : attemptId.IndexOf("_r_", StringComparison.Ordinal);
        return task >= 0 ? attemptId[(task + 1)..] : attemptId;
    }

    private static string Kind(TaskKind kind) => kind switch { TaskKind.Map => "map", TaskKind.Combine => "combine", _ => "reduce" };

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", Invariant) + " s";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
