using System.Globalization;

namespace Hdnr.Runtime.Jobs;

/// <summary>Reports counters and status to Hadoop the streaming way: <c>reporter:</c> lines on standard error.</summary>
/// <remarks>
/// Hadoop's PipeMapRed reads stderr line by line; a counter line is split at every comma and needs exactly three
/// columns, then group and name are used as they are and the rest of a status line is trimmed. So commas in a group
/// or name become spaces, line breaks anywhere become spaces, and the text is trimmed the way Hadoop will see it.
/// Counter increments are summed and written at most once a second (and when the task ends): Hadoop adds them up
/// anyway, and a counter bumped for every record would otherwise cost a write to stderr per record.
/// </remarks>
public sealed class StderrReporter : ITaskReporter
{
    private const long IntervalMilliseconds = 1000;

    private readonly TextWriter _stderr;
    private readonly Func<long> _milliseconds;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Group, string Name), long> _pending = [];
    private readonly List<(string Group, string Name)> _order = [];
    private long _lastWrite;

    /// <summary>A reporter on the process's standard error.</summary>
    public StderrReporter()
        : this(Console.Error)
    {
    }

    /// <summary>A reporter on <paramref name="stderr"/>.</summary>
    public StderrReporter(TextWriter stderr)
        : this(stderr, () => Environment.TickCount64)
    {
    }

    internal StderrReporter(TextWriter stderr, Func<long> milliseconds)
    {
        _stderr = stderr;
        _milliseconds = milliseconds;
        _lastWrite = milliseconds();
    }

    public void Counter(string group, string name, long amount)
    {
        var key = (Column(group), Column(name));
        // Scripts may report from several threads; each line must reach stderr whole.
        lock (_gate)
        {
            if (_pending.TryGetValue(key, out var sum))
            {
                _pending[key] = sum + amount;
            }
            else
            {
                _pending[key] = amount;
                _order.Add(key);
            }
            if (_milliseconds() - _lastWrite >= IntervalMilliseconds) WritePending();
        }
    }

    public void Status(string message)
    {
        lock (_gate)
        {
            // Counters first, so that what the status says has been counted.
            WritePending();
            _stderr.Write($"reporter:status:{OneLine(message ?? "")}\n");
            _stderr.Flush();
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            WritePending();
        }
    }

    private void WritePending()
    {
        foreach (var key in _order)
        {
            var amount = _pending[key];
            if (amount != 0)
                _stderr.Write($"reporter:counter:{key.Group},{key.Name},{amount.ToString(CultureInfo.InvariantCulture)}\n");
        }
        _pending.Clear();
        _order.Clear();
        _stderr.Flush();
        _lastWrite = _milliseconds();
    }

    private static string Column(string text) => OneLine((text ?? "").Replace(',', ' '));

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Replace('\r', ' ').Replace('\n', ' ').Trim();
}
