// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Scheduling;

/// <summary>Drops the pairs a reduce task writes while it has been given no record, as Hadoop Streaming drops the output of a reducer whose reduce was never called.</summary>
/// <remarks>
/// PipeReducer starts collecting a streaming reducer's stdout at its first record; a reduce task with an empty partition
/// still runs, and what it writes (a <c>ReduceEnd</c>'s pairs) is read and thrown away. A map task is not gated:
/// PipeMapRunner collects a mapper's stdout from its start, so a map task with an empty split keeps its <c>MapEnd</c> pairs.
/// </remarks>
internal sealed class UnfedTaskGate(IPairSink inner, Func<long> recordsGiven) : IPairSink
{
    private bool _fed;

    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (_fed || (_fed = recordsGiven() > 0)) inner.Add(key, value);
    }
}
