// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Scheduling;

/// <summary>Drops the pairs a task writes while it has been given no record, as Hadoop Streaming drops the output of a task whose map or reduce was never called.</summary>
/// <remarks>
/// PipeMapRed starts reading a streaming task's stdout at the task's first record; a task with an empty split or an empty
/// partition still runs, and what it writes (a <c>MapEnd</c> or <c>ReduceEnd</c>'s pairs) is read and thrown away.
/// </remarks>
internal sealed class UnfedTaskGate(IPairSink inner, Func<long> recordsGiven) : IPairSink
{
    private bool _fed;

    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (_fed || (_fed = recordsGiven() > 0)) inner.Add(key, value);
    }
}
