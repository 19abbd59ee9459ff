// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
namespace Hdnr.Engine.Scheduling;

/// <summary>Hadoop's task timeout (<c>mapreduce.task.timeout</c>): calls back once when an attempt has shown no progress for that long.</summary>
/// <remarks>Progress is a count the attempt's reporter keeps (<see cref="CountingReporter.Ticks"/>); watching it costs the task nothing per record.</remarks>
internal sealed class TaskTimeout : IDisposable
{
    private readonly string _attemptId;
    private readonly long _milliseconds;
    private readonly CountingReporter _progress;
    private readonly Action _expire;
    private readonly Timer? _timer;
    private long _lastTicks;
    private long _lastChange;
    private readonly Lock _gate = new();
    private bool _expired;
    private bool _disposed;

    /// <summary>Watches <paramref name="progress"/> for attempt <paramref name="attemptId"/>; <paramref name="milliseconds"/> 0 or less watches nothing, as in Hadoop.</summary>
    public TaskTimeout(string attemptId, long milliseconds, CountingReporter progress, Action expire)
    {
        _attemptId = attemptId;
        _milliseconds = milliseconds;
        _progress = progress;
        _expire = expire;
        _lastTicks = progress.Ticks;
        _lastChange = Environment.TickCount64;
        if (milliseconds <= 0) return;
        var period = Math.Clamp(milliseconds / 4, 10, 1000);
        _timer = new Timer(_ => Check(), null, period, period);
    }

    /// <summary>Whether the attempt timed out.</summary>
    public bool Expired
    {
        get
        {
            lock (_gate) return _expired;
        }
    }

    /// <summary>Hadoop's message for a timed-out attempt.</summary>
    public string Message => $"Task {_attemptId} failed to report status for {_milliseconds / 1000} seconds. Killing!";

    /// <summary>Stops watching; once it returns, the callback no longer runs.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }

    // Under the lock: a callback must not run after Dispose, when what it kills or cancels may be gone.
    private void Check()
    {
        lock (_gate)
        {
            if (_disposed || _expired) return;
            var now = Environment.TickCount64;
            var ticks = _progress.Ticks;
            if (ticks != _lastTicks)
            {
                _lastTicks = ticks;
                _lastChange = now;
                return;
            }
            if (now - _lastChange < _milliseconds) return;
            _expired = true;
            _expire();
        }
    }
}
