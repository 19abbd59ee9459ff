namespace Hdnr.Formats.SequenceFiles;

/// <summary>Hadoop's WritableUtils variable-length integers: one byte for -112..127, else a length byte and big-endian magnitude.</summary>
public static class WritableVarInt
{
    /// <summary>How many bytes the encoding that starts with <paramref name="first"/> takes, first byte included.</summary>
    public static int SizeOf(byte first)
    {
        var value = (sbyte)first;
        if (value >= -112)
        {
            return 1;
        }

        return value < -120 ? -119 - value : -111 - value;
    }

    /// <summary>Decodes an encoding whose full length (<see cref="SizeOf"/>) is present.</summary>
    public static long Decode(ReadOnlySpan<byte> encoded)
    {
        var first = (sbyte)encoded[0];
        var size = SizeOf(encoded[0]);
        if (size == 1)
        {
            return first;
        }

        long value = 0;
        for (var i = 1; i < size; i++)
        {
            value = (value << 8) | encoded[i];
        }

        return first < -120 || (first >= -112 && first < 0) ? ~value : value;
    }

    /// <summary>Reads one from <paramref name="data"/> at <paramref name="pos"/>; false when the data ends first.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, ref int pos, out long value)
    {
        if (pos >= data.Length || data.Length - pos < SizeOf(data[pos]))
        {
            value = 0;
            return false;
        }

        value = Decode(data[pos..]);
        pos += SizeOf(data[pos]);
        return true;
    }

    /// <summary>Encodes <paramref name="value"/> into <paramref name="output"/> (at least 9 bytes) and returns the length.</summary>
    public static int Write(Span<byte> output, long value)
    {
        if (value is >= -112 and <= 127)
        {
            output[0] = (byte)value;
            return 1;
        }

        var marker = -112;
        if (value < 0)
        {
            value = ~value;
            marker = -120;
        }

        var bytes = 0;
        for (var tmp = value; tmp != 0; tmp >>= 8)
        {
            bytes++;
        }

        output[0] = (byte)(sbyte)(marker - bytes);
        for (var i = 0; i < bytes; i++)
        {
            output[1 + i] = (byte)(value >> ((bytes - 1 - i) * 8));
        }

        return 1 + bytes;
    }
}
