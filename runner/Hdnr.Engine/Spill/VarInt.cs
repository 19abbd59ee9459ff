// Sort and spill: a map task's sorted output on disk, one segment per reduce task.
namespace Hdnr.Engine.Spill;

/// <summary>Unsigned LEB128 lengths for the engine's own spill files.</summary>
internal static class VarInt
{
    public static int Write(Span<byte> destination, int value)
    {
        var v = (uint)value;
        var i = 0;
        while (v >= 0x80)
        {
            destination[i++] = (byte)(v | 0x80);
            v >>= 7;
        }
        destination[i++] = (byte)v;
        return i;
    }

    /// <summary>Reads a length at the start of <paramref name="source"/>; 0 bytes used when it is cut off.</summary>
    public static int Read(ReadOnlySpan<byte> source, out int value)
    {
        uint result = 0;
        for (var i = 0; i < 5 && i < source.Length; i++)
        {
            result |= (uint)(source[i] & 0x7F) << (7 * i);
            if (source[i] < 0x80)
            {
                value = (int)result;
                return i + 1;
            }
        }
        value = 0;
        return 0;
    }
}
