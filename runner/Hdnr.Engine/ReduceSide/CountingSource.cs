// Reduce side: a reduce task and the sorted input it reads.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.ReduceSide;

/// <summary>A reduce task's sorted input: counts its pairs and groups of equal keys, keeps the heaviest groups' keys, and stops when the job is cancelled.</summary>
internal sealed class CountingSource(IPairSource inner, CancellationToken cancel, int heaviestKeys) : IPairSource
{
    private byte[] _lastKey = new byte[64];
    private int _lastKeyLength = -1;
    private long _groupStart;

    /// <summary>The keys whose groups held the most records so far, with their counts.</summary>
    public HeaviestKeys Heaviest { get; } = new(heaviestKeys);

    /// <summary>Pairs handed out (Hadoop's "Reduce input records").</summary>
    public long Records { get; private set; }

    /// <summary>Distinct consecutive keys handed out (Hadoop's "Reduce input groups").</summary>
    public long Groups { get; private set; }

    public bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        if ((Records & 0xFFF) == 0) cancel.ThrowIfCancellationRequested();
        if (!inner.Next(out key, out value))
        {
            // The last group ends with the input.
            if (_lastKeyLength >= 0) Heaviest.Offer(_lastKey.AsSpan(0, _lastKeyLength), Records - _groupStart);
            _lastKeyLength = -1;
            _groupStart = Records;
            return false;
        }
        Records++;
        if (_lastKeyLength < 0 || !key.SequenceEqual(_lastKey.AsSpan(0, _lastKeyLength)))
        {
            // Once per group: the group that ends here is offered, before its key is overwritten.
            if (_lastKeyLength >= 0) Heaviest.Offer(_lastKey.AsSpan(0, _lastKeyLength), Records - 1 - _groupStart);
            _groupStart = Records - 1;
            Groups++;
            if (_lastKey.Length < key.Length) _lastKey = new byte[key.Length * 2];
            key.CopyTo(_lastKey);
            _lastKeyLength = key.Length;
        }
        return true;
    }
}
