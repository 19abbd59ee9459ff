// Map side: a map task, and the buffer that partitions and sorts its output.
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.MapSide;

/// <summary>Hands a map task's output pairs, in batches, to its buffer on a thread of its own, so the buffer's partitioning, sorting, combining and spilling run beside the script's Map as Hadoop's spill thread runs beside its collector.</summary>
/// <remarks>
/// The buffer sees the same pairs in the same order as if the task wrote to it directly, so where spills start and
/// what they hold do not change; only the thread does. Hadoop's splits are few and large (32 MB), so a job often has
/// fewer map tasks than cores at its end: this keeps a second core busy then. A failure of the buffer's thread (a
/// combiner's, a full disk's) is thrown from the task's next <see cref="Add"/> or from <see cref="Complete"/>.
/// </remarks>
internal sealed class CollectThread : IPairSink, IDisposable
{
    // A batch holds [int key length][int value length][key][value]...; a few in flight keep both threads busy.
    private const int BatchBytes = 1 << 18;
    private const int InFlight = 3;

    private readonly IPairSink _buffer;
    private readonly BlockingCollection<Batch> _full = new(InFlight);
    private readonly BlockingCollection<Batch> _free = new();
    private readonly CancellationTokenSource _failed = new();
    private readonly CancellationTokenSource _abandoned = new();
    private readonly Thread _thread;
    private Batch _batch = new(new byte[BatchBytes]);
    private volatile ExceptionDispatchInfo? _failure;
    private bool _completed;

    private sealed class Batch(byte[] data)
    {
        public readonly byte[] Data = data;
        public int Used;
    }

    /// <summary>Starts the thread that adds every pair given to this to <paramref name="buffer"/>.</summary>
    public CollectThread(IPairSink buffer, string name)
    {
        _buffer = buffer;
        for (var i = 0; i < InFlight; i++) _free.Add(new Batch(new byte[BatchBytes]));
        // The buffer's thread runs the combiner, which may recurse as deeply as the map's thread.
        _thread = new Thread(Drain, maxStackSize: 16 << 20) { IsBackground = true, Name = name + " collect" };
        _thread.Start();
    }

    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var needed = 8 + key.Length + value.Length;
        if (_batch.Data.Length - _batch.Used < needed) Send(needed);
        var span = _batch.Data.AsSpan(_batch.Used, needed);
        BinaryPrimitives.WriteInt32LittleEndian(span, key.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], value.Length);
        key.CopyTo(span[8..]);
        value.CopyTo(span[(8 + key.Length)..]);
        _batch.Used += needed;
    }

    /// <summary>Waits until the buffer has taken every pair; throws what the buffer's thread threw.</summary>
    public void Complete()
    {
        if (!_completed)
        {
            _completed = true;
            Hand(_batch);
            _full.CompleteAdding();
            _thread.Join();
        }
        _failure?.Throw();
    }

    /// <summary>Stops the buffer's thread without waiting for the pairs not yet taken (the attempt failed), and waits for it.</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            _abandoned.Cancel();
            _full.CompleteAdding();
            _thread.Join();
        }
        _full.Dispose();
        _free.Dispose();
        _failed.Dispose();
        _abandoned.Dispose();
    }

    // Hands the filled batch over and takes an empty one (a pair larger than a batch gets one of its own).
    private void Send(int needed)
    {
        Hand(_batch);
        if (needed > BatchBytes) _batch = new Batch(new byte[needed]);
        else
        {
            try
            {
                _batch = _free.Take(_failed.Token);
            }
            catch (OperationCanceledException) when (_failed.IsCancellationRequested)
            {
                _failure!.Throw();
            }
        }
    }

    private void Hand(Batch batch)
    {
        _failure?.Throw();
        if (batch.Used == 0) return;
        try
        {
            _full.Add(batch, _failed.Token);
        }
        catch (OperationCanceledException) when (_failed.IsCancellationRequested)
        {
            _failure!.Throw();
        }
    }

    private void Drain()
    {
        try
        {
            foreach (var batch in _full.GetConsumingEnumerable(_abandoned.Token))
            {
                var data = batch.Data;
                for (var at = 0; at < batch.Used;)
                {
                    var keyLength = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));
                    var valueLength = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at + 4));
                    _buffer.Add(data.AsSpan(at + 8, keyLength), data.AsSpan(at + 8 + keyLength, valueLength));
                    at += 8 + keyLength + valueLength;
                }
                batch.Used = 0;
                if (data.Length == BatchBytes) _free.Add(batch);
            }
        }
        catch (OperationCanceledException) when (_abandoned.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Every exception: one escaping a thread would end the engine. The task's thread throws it.
            _failure = ExceptionDispatchInfo.Capture(e);
            _failed.Cancel();
        }
    }
}
