namespace Hdnr.Runtime.Wire;

/// <summary>Reads records that are a key then a value, each framed so its length is known from its first bytes (typedbytes, rawbytes).</summary>
internal abstract class FramedPairReader(Stream input, int size) : RecordReader(input, new byte[size], 0)
{
    /// <summary>Bytes of framing before each key's and value's own bytes, which the record leaves out.</summary>
    protected abstract int Header { get; }

    /// <summary>The length, framing included, of the key or value (<paramref name="role"/>) at <paramref name="at"/>, or 0 when more input is needed; fails naming the record and byte offset at the end of the input.</summary>
    protected abstract int Measure(ReadOnlySpan<byte> pending, int at, string role);

    public sealed override bool Next()
    {
        while (true)
        {
            var pending = Buffer.AsSpan(Start, End - Start);
            if (pending.IsEmpty && Eof) return false;
            var key = Measure(pending, 0, "key");
            if (key > 0)
            {
                var value = Measure(pending, key, "value");
                if (value > 0)
                {
                    Record++;
                    Offset = BufferOffset + Start;
                    KeyStart = Start + Header;
                    KeyLength = key - Header;
                    ValueStart = Start + key + Header;
                    ValueLength = value - Header;
                    Start += key + value;
                    return true;
                }
            }
            Fill();
        }
    }

    /// <summary>Why the input ended where a key or value (<paramref name="role"/>) at <paramref name="at"/> should be.</summary>
    protected string EndedEarly(ReadOnlySpan<byte> pending, int at, string role) =>
        at == pending.Length && role == "value"
            ? $"the input ends after a key (record {Record + 1} at byte offset {BufferOffset + Start}) with no value"
            : $"the input ends inside the {role} of record {Record + 1}, which starts at byte offset {BufferOffset + Start}";
}
