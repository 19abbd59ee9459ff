using Hdnr.Engine;
using Spectre.Console;

namespace Hdnr.Cli;

/// <summary>A running job's map and reduce progress as bars on the terminal's stderr, where Hadoop's client prints <c>map N% reduce N%</c>.</summary>
internal static class ProgressBars
{
    /// <summary>Runs <paramref name="job"/> on another thread while the bars follow <paramref name="progress"/>; they are gone when it ends.</summary>
    public static T Show<T>(JobProgress progress, Func<T> job)
    {
        // Interactive by decision, not by Spectre's guess from stdin, which launch-local points at /dev/null for its scripts.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
        var result = default(T)!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var map = context.AddTask("map", maxValue: 100);
                var reduce = context.AddTask("reduce", maxValue: 100);
                var running = Task.Factory.StartNew(job, TaskCreationOptions.LongRunning);
                while (!running.Wait(100))
                {
                    map.Value = progress.Map * 100;
                    reduce.Value = progress.Reduce * 100;
                    context.Refresh();
                }
                // The job's own exception, not an AggregateException, reaches the verb.
                result = running.GetAwaiter().GetResult();
            });
        return result;
    }
}
