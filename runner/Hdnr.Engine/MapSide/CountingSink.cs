// Map side: a map task, and the buffer that partitions and sorts its output.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.MapSide;

/// <summary>Passes pairs on and counts them.</summary>
internal sealed class CountingSink(IPairSink inner) : IPairSink
{
    /// <summary>Pairs passed on.</summary>
    public long Records { get; private set; }

    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Records++;
        inner.Add(key, value);
    }
}
