namespace Hdnr.Engine;

/// <summary>A task's input that stops the task when the job is cancelled (Ctrl-C, a signal, another task's failure).</summary>
internal sealed class CancellableStream(Stream inner, CancellationToken cancel) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer)
    {
        cancel.ThrowIfCancellationRequested();
        return inner.Read(buffer);
    }
}
