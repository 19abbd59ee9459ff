using Hdnr.Engine;
using Spectre.Console;

namespace Hdnr.Cli;

/// <summary>A running job's map and reduce progress as bars on the terminal's stderr, where Hadoop's client prints <c>map N% reduce N%</c>.</summary>
internal static class ProgressBars
{
    /// <summary>Runs <paramref name="job"/> on another thread while the bars follow <paramref name="progress"/>; they are gone when it ends.</summary>
    /// <param name="label">Put before each bar's name: a job of several steps names the step.</param>
    public static T Show<T>(JobProgress progress, Func<T> job, string label = "")
    {
        // Interactive by decision, not by Spectre's guess from stdin, which launch-local points at /dev/null for its scripts.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
        var result = default(T)!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var map = context.AddTask(Markup.Escape(label) + "map", maxValue: 100);
                ProgressTask? reduce = null;
                var running = Task.Factory.StartNew(job, TaskCreationOptions.LongRunning);
                while (!running.Wait(100))
                {
                    // A map-only job gets no reduce bar: it is known once the job has started its tasks.
                    if (reduce is null && progress.HasReduces) reduce = context.AddTask(Markup.Escape(label) + "reduce", maxValue: 100);
                    map.Value = progress.Map * 100;
                    if (reduce is not null) reduce.Value = progress.Reduce * 100;
                    // The scripts' Status() messages, each beside its own phase's bar, as Hadoop's web UI shows a task's status.
                    if (progress.MapStatus is { } mapStatus) map.Description = Described(label + "map", mapStatus);
                    if (reduce is not null && progress.ReduceStatus is { } reduceStatus) reduce.Description = Described(label + "reduce", reduceStatus);
                    context.Refresh();
                }
                // The job's own exception, not an AggregateException, reaches the verb.
                result = running.GetAwaiter().GetResult();
            });
        return result;
    }

    /// <summary>The counters as a table, one group after another, numbers aligned right, for a person at a terminal.</summary>
    public static void ShowCounters(Hdnr.Formats.Counters.JobCounters counters)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
        var table = new Table().Border(TableBorder.Simple).AddColumn("group").AddColumn("counter").AddColumn(new TableColumn("value").RightAligned());
        string? group = null;
        foreach (var (g, name, value) in counters.All)
        {
            table.AddRow(Markup.Escape(g == group ? "" : group = g), Markup.Escape(name), value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }
        console.Write(table);
    }

    private static string Described(string phase, string status) => $"{Markup.Escape(phase)} [grey]{Markup.Escape(Shorten(status))}[/]";

    private static string Shorten(string status) => status.Length <= 60 ? status : status[..57] + "...";
}
