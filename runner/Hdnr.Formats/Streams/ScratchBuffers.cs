namespace Hdnr.Formats.Streams;

/// <summary>Large byte buffers kept per thread from one task to the next, so tasks do not churn the large object heap (each such allocation brings a full collection closer).</summary>
public static class ScratchBuffers
{
    private const int MaxKept = 8;
    private const int MaxKeptLength = 4 << 20;

    [ThreadStatic]
    private static List<byte[]>? t_spare;

    /// <summary>A buffer of at least <paramref name="minimum"/> bytes, with any content.</summary>
    public static byte[] Rent(int minimum)
    {
        var spare = t_spare;
        if (spare is not null)
        {
            for (var i = 0; i < spare.Count; i++)
            {
                if (spare[i].Length < minimum) continue;
                var buffer = spare[i];
                spare.RemoveAt(i);
                return buffer;
            }
        }
        return new byte[minimum];
    }

    /// <summary>Gives a buffer back for this thread's next task.</summary>
    public static void Return(byte[] buffer)
    {
        if (buffer.Length > MaxKeptLength) return;
        var spare = t_spare ??= [];
        if (spare.Count < MaxKept) spare.Add(buffer);
    }
}
