using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Wire;

/// <summary>Finds where one typedbytes value ends in a task's output without decoding it, as Hadoop's TypedBytesInput reads a raw value.</summary>
public static class TypedBytesRecordLength
{
    /// <summary>The length of the whole value at the start of <paramref name="buffer"/>; 0 when the buffer ends inside it.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a typedbytes value.</exception>
    public static int Measure(ReadOnlySpan<byte> buffer)
    {
        switch (TypedBytesFraming.Measure(buffer, out var number, out var error))
        {
            case TypedBytesFraming.Result.Complete:
                return checked((int)number);
            case TypedBytesFraming.Result.NeedMore:
                return 0;
            default:
                throw new InvalidDataException($"not a typedbytes value (byte {number}): {error}");
        }
    }
}
