namespace Hdnr.Runtime.Wire;

/// <summary>Receives key/value pairs as serialized bytes (text keys as UTF-8, typed bytes keys as their whole encoding).</summary>
public interface IPairSink
{
    /// <summary>Takes one pair; the spans are valid only during the call.</summary>
    void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);
}
