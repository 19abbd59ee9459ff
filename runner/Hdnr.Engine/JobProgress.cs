// The job: what launch-local runs, from the job's description to its result.
namespace Hdnr.Engine;

/// <summary>How far a running job is, as Hadoop's job client reports it: map progress by input bytes read, reduce progress by reduce tasks done.</summary>
/// <remarks>Tasks report from their threads; a display reads the fractions from its own.</remarks>
public sealed class JobProgress
{
    private long _mapDone;
    private long _mapTotal = 1;
    private int _reducesDone;
    private int _reduceTotal;
    private string? _status;

    /// <summary>The maps' share done, from 0 to 1.</summary>
    public double Map => Math.Min(1.0, (double)Interlocked.Read(ref _mapDone) / Interlocked.Read(ref _mapTotal));

    /// <summary>The reduces' share done, from 0 to 1; a map-only job's follows its maps.</summary>
    public double Reduce
    {
        get
        {
            var total = Volatile.Read(ref _reduceTotal);
            return total == 0 ? (Map >= 1 ? 1 : 0) : (double)Volatile.Read(ref _reducesDone) / total;
        }
    }

    /// <summary>The last status message any task gave (the script's <c>Status()</c>, or a <c>reporter:status:</c> line), or null.</summary>
    public string? LastStatus => Volatile.Read(ref _status);

    internal void Status(string message) => Volatile.Write(ref _status, message);

    internal void Start(long mapBytes, int reduces)
    {
        Interlocked.Exchange(ref _mapTotal, Math.Max(mapBytes, 1));
        Volatile.Write(ref _reduceTotal, reduces);
    }

    internal void MapDone(long bytes) => Interlocked.Add(ref _mapDone, Math.Max(bytes, 0));

    internal void ReduceDone() => Interlocked.Increment(ref _reducesDone);
}
