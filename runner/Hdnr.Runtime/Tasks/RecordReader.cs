namespace Hdnr.Runtime.Tasks;

/// <summary>Reads a task's input one key/value record at a time, as byte spans into a reused buffer.</summary>
/// <remarks>Spans stay valid only until the next <see cref="Next"/>; grouping copies the key it compares.</remarks>
internal abstract class RecordReader
{
    protected byte[] Buffer = [];
    protected int KeyStart;
    protected int KeyLength;
    protected int ValueStart;
    protected int ValueLength;

    /// <summary>The current record's key bytes, in the wire format's encoding.</summary>
    public ReadOnlySpan<byte> Key => new(Buffer, KeyStart, KeyLength);

    /// <summary>The current record's value bytes, in the wire format's encoding.</summary>
    public ReadOnlySpan<byte> Value => new(Buffer, ValueStart, ValueLength);

    /// <summary>The current record's number, counting from 1.</summary>
    public long Record { get; protected set; }

    /// <summary>The byte offset in the input where the current record starts.</summary>
    public long Offset { get; protected set; }

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    public abstract bool Next();
}
