// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using Hdnr.Formats.Counters;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Engine.Scheduling;

/// <summary>Receives an in-process task's counters and status, as Hadoop's reporter does from <c>reporter:</c> lines on a task's stderr.</summary>
/// <param name="kind">The kind of task reporting, whose phase shows its status.</param>
/// <param name="progress">The job's progress, which shows the last status message of each phase.</param>
internal sealed class CountingReporter(TaskKind kind = TaskKind.Map, JobProgress? progress = null) : ITaskReporter
{
    /// <summary>What the task counted.</summary>
    public JobCounters Counters { get; } = new();

    /// <summary>The task's last status message.</summary>
    public string? LastStatus { get; private set; }

    /// <summary>How often the task showed progress (a record read or written, a counter, a status, a line on stderr), for <see cref="TaskTimeout"/>.</summary>
    /// <remarks>Ticked from several threads without a lock: a lost increment still changes the count, which is all the timeout looks at.</remarks>
    public long Ticks => Volatile.Read(ref _ticks);

    private long _ticks;

    /// <summary>Notes progress.</summary>
    public void Tick() => _ticks++;

    public void Counter(string group, string name, long amount)
    {
        _ticks++;
        Counters.Add(group, name, amount);
    }

    public void Status(string message)
    {
        _ticks++;
        LastStatus = message;
        progress?.Status(kind, message);
    }

    /// <summary>Applies one stderr line of a task process: a <c>reporter:counter:group,name,amount</c> or <c>reporter:status:message</c> line counts (PipeMapRed's rules); false for any other line.</summary>
    public bool TryReport(string line)
    {
        if (line.StartsWith("reporter:counter:", StringComparison.Ordinal))
        {
            var columns = line["reporter:counter:".Length..].Split(',');
            if (columns.Length == 3 && long.TryParse(columns[2].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var amount))
            {
                Counter(columns[0], columns[1], amount);
                return true;
            }
            return false;
        }
        if (line.StartsWith("reporter:status:", StringComparison.Ordinal))
        {
            Status(line["reporter:status:".Length..].Trim());
            return true;
        }
        return false;
    }
}
