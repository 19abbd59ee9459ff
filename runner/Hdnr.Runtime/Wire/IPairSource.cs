namespace Hdnr.Runtime.Wire;

/// <summary>Hands out key/value pairs as serialized bytes, in order.</summary>
public interface IPairSource
{
    /// <summary>The next pair; the spans are valid until the next call. False at the end.</summary>
    bool Next(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value);
}
