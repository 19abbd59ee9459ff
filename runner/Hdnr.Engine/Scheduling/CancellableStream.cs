// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using Hdnr.Formats.Streams;

namespace Hdnr.Engine.Scheduling;

/// <summary>An in-process task's input that stops the task when its attempt is stopped (Ctrl-C, a signal, another task's failure, a timeout), and shows progress at each read.</summary>
internal sealed class CancellableStream(Stream inner, CountingReporter progress, CancellationToken cancel) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer)
    {
        cancel.ThrowIfCancellationRequested();
        progress.Tick();
        return inner.Read(buffer);
    }
}
