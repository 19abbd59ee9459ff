// The job: what launch-local runs, from the job's description to its result.
using System.Diagnostics;
using Hdnr.Formats.Counters;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Engine;

/// <summary>How far a running job is, as Hadoop's job client reports it: map progress by input bytes read, reduce progress by reduce tasks done; and, for a report, every attempt's span and each reducer's load.</summary>
/// <remarks>Tasks report from their threads; a display reads the fractions from its own.</remarks>
public sealed class JobProgress
{
    /// <summary>How many of a reducer's heaviest keys <see cref="Reducers"/> keeps.</summary>
    public const int HeaviestKeyCount = 5;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<AttemptSpan> _attempts = [];
    private readonly SortedDictionary<int, ReducerLoad> _reducers = [];
    private long _mapDone;
    private long _mapTotal = 1;
    private int _reducesDone;
    private int _reduceTotal;
    private string? _mapStatus;
    private string? _reduceStatus;

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

    /// <summary>The last status message a map task (or its combiner) gave (the script's <c>Status()</c>, or a <c>reporter:status:</c> line), or null.</summary>
    public string? MapStatus => Volatile.Read(ref _mapStatus);

    /// <summary>The last status message a reduce task gave, or null.</summary>
    public string? ReduceStatus => Volatile.Read(ref _reduceStatus);

    /// <summary>Whether the job has reduce tasks; false until the job has started its tasks.</summary>
    public bool HasReduces => Volatile.Read(ref _reduceTotal) > 0;

    /// <summary>Every attempt that has ended, in the order they started.</summary>
    public IReadOnlyList<AttemptSpan> Attempts
    {
        get
        {
            lock (_attempts) return _attempts.OrderBy(a => a.Start).ToList();
        }
    }

    /// <summary>Each reduce task's load as its last attempt read it, by partition.</summary>
    public IReadOnlyList<ReducerLoad> Reducers
    {
        get
        {
            lock (_reducers) return _reducers.Values.ToList();
        }
    }

    /// <summary>The counters of the tasks that committed so far (all of them once the job succeeded), or null before the job started its tasks.</summary>
    public JobCounters? Counters { get; private set; }

    /// <summary>Time since this progress was made, which is when the job started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    // A combiner runs inside a map task, so its status is the map phase's.
    internal void Status(TaskKind kind, string message) => Volatile.Write(ref kind == TaskKind.Reduce ? ref _reduceStatus : ref _mapStatus, message);

    /// <summary>Runs one attempt (or a combine run within one) and puts its span on the timeline, however it ends.</summary>
    internal T Attempt<T>(string attemptId, TaskKind kind, Func<T> run, CancellationToken cancel)
    {
        var start = _clock.Elapsed;
        var outcome = AttemptOutcome.Failed;
        string? failure = null;
        try
        {
            var result = run();
            outcome = AttemptOutcome.Succeeded;
            return result;
        }
        catch (Exception e)
        {
            // An attempt the job's end stopped (a kill, another task's failure) did not fail of itself.
            outcome = e is OperationCanceledException || cancel.IsCancellationRequested ? AttemptOutcome.Killed : AttemptOutcome.Failed;
            failure = e.Message;
            throw;
        }
        finally
        {
            var span = new AttemptSpan(attemptId, kind, start, _clock.Elapsed, outcome, failure);
            lock (_attempts) _attempts.Add(span);
        }
    }

    internal void Reducer(ReducerLoad load)
    {
        lock (_reducers) _reducers[load.Partition] = load;
    }

    internal void Start(long mapBytes, int reduces, JobCounters counters)
    {
        Counters = counters;
        Interlocked.Exchange(ref _mapTotal, Math.Max(mapBytes, 1));
        Volatile.Write(ref _reduceTotal, reduces);
    }

    internal void MapDone(long bytes) => Interlocked.Add(ref _mapDone, Math.Max(bytes, 0));

    internal void ReduceDone() => Interlocked.Increment(ref _reducesDone);
}
