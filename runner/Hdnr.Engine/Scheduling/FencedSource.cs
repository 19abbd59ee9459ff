// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Scheduling;

/// <summary>An in-process task's sorted input that shows progress at each pair and hands out nothing once the attempt is stopped, so an abandoned attempt's thread cannot read what the engine has moved on from.</summary>
internal sealed class FencedSource(IPairSource inner, CountingReporter progress, CancellationToken stop) : IPairSource
{
    public bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        stop.ThrowIfCancellationRequested();
        progress.Tick();
        return inner.Next(out key, out value);
    }
}
