using System.Globalization;

namespace Hdnr.Engine;

/// <summary>The job's progress on one terminal line, <c>map 45% reduce 0%</c> as Hadoop's job client reports it; silent when not enabled (not a terminal).</summary>
internal sealed class ProgressDisplay : IDisposable
{
    private readonly TextWriter? _terminal;
    private readonly Timer? _timer;
    private long _mapDone;
    private long _mapTotal = 1;
    private int _reducesDone;
    private int _reduceTotal;
    private string _last = "";

    public ProgressDisplay(TextWriter? terminal)
    {
        _terminal = terminal;
        if (terminal is not null) _timer = new Timer(_ => Draw(), null, 250, 250);
    }

    public void Start(long mapBytes, int reduces)
    {
        _mapTotal = Math.Max(mapBytes, 1);
        _reduceTotal = reduces;
    }

    public void MapDone(long bytes) => Interlocked.Add(ref _mapDone, Math.Max(bytes, 0));

    public void ReduceDone() => Interlocked.Increment(ref _reducesDone);

    private void Draw()
    {
        var map = (int)Math.Min(100, Interlocked.Read(ref _mapDone) * 100 / _mapTotal);
        var reduce = _reduceTotal == 0 ? (map == 100 ? 100 : 0) : Volatile.Read(ref _reducesDone) * 100 / _reduceTotal;
        var line = string.Create(CultureInfo.InvariantCulture, $" map {map}% reduce {reduce}%");
        if (line == _last) return;
        _last = line;
        lock (_terminal!) _terminal.Write("\r" + line + "\u001b[K");
    }

    public void Dispose()
    {
        if (_timer is null) return;
        _timer.Dispose();
        lock (_terminal!) _terminal.Write("\r\u001b[K");
    }
}
