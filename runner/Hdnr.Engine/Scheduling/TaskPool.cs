// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
namespace Hdnr.Engine.Scheduling;

/// <summary>Runs numbered tasks on a fixed number of threads, as LocalJobRunner's executor with <c>mapreduce.local.map.tasks.maximum</c> threads; the first failure cancels the rest.</summary>
internal static class TaskPool
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);

    /// <summary>The threads <paramref name="count"/> tasks of one kind run on: <paramref name="asked"/>, or one per core, and every task at once when there are more than cores but fewer than twice as many.</summary>
    /// <remarks>Three map tasks on two cores would otherwise leave one core idle while the third runs alone: shared by
    /// the processor's time slices, all three end together, a third sooner (a 100 MB word count: 3.57 s to 3.29 s).
    /// Fewer than twice the cores keeps the memory of the buffers held at once within twice one wave's.</remarks>
    public static int Threads(int count, int? asked)
    {
        if (asked is { } threads) return threads;
        var cores = Environment.ProcessorCount;
        return count > cores && count < 2 * cores ? count : cores;
    }

    /// <summary>Runs <paramref name="body"/> for 0 .. <paramref name="count"/> - 1, lower numbers first.</summary>
    public static void Run(int count, int threads, Action<int> body, CancellationTokenSource cancel)
    {
        var next = -1;
        var failures = new List<Exception>();
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(threads, count))).Select(_ => new Thread(() =>
        {
            int index;
            while (!cancel.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    body(index);
                }
                catch (Exception e)
                {
                    lock (failures) failures.Add(e);
                    cancel.Cancel();
                }
            }
        }, maxStackSize: 16 << 20) { IsBackground = true }).ToList();
        foreach (var worker in workers) worker.Start();
        // A cancelled job waits a little for its tasks to stop, then no longer: a script stuck in its own code must
        // not keep a killed job alive (the threads are background threads and end with the process).
        var stoppedAt = (DateTime?)null;
        foreach (var worker in workers)
        {
            while (!worker.Join(100))
            {
                if (!cancel.IsCancellationRequested) continue;
                stoppedAt ??= DateTime.UtcNow;
                if (DateTime.UtcNow - stoppedAt > GracePeriod) throw new OperationCanceledException(cancel.Token);
            }
        }
        // The failure that started it matters, not the cancellations it caused.
        var first = failures.FirstOrDefault(e => e is not OperationCanceledException) ?? failures.FirstOrDefault();
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        cancel.Token.ThrowIfCancellationRequested();
    }
}
