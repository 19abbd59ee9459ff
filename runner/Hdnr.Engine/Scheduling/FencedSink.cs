// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Scheduling;

/// <summary>An in-process task's output that shows progress at each pair and takes nothing once the attempt is stopped, so an abandoned attempt's thread cannot write into what the engine has moved on from.</summary>
internal sealed class FencedSink(IPairSink inner, CountingReporter progress, CancellationToken stop) : IPairSink
{
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        stop.ThrowIfCancellationRequested();
        progress.Tick();
        inner.Add(key, value);
    }
}
