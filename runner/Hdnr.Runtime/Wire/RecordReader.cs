namespace Hdnr.Runtime.Wire;

/// <summary>Reads a task's input one key/value record at a time, as byte spans into a reused buffer.</summary>
/// <remarks>Spans stay valid only until the next <see cref="Next"/>; grouping copies the key it compares.</remarks>
internal abstract class RecordReader(Stream input, int size)
{
    private readonly Stream _input = input;
    protected byte[] Buffer = new byte[size];

    // The unread window of Buffer is [Start, End); BufferOffset is the input offset of Buffer[0].
    protected int Start;
    protected int End;
    protected long BufferOffset;
    protected bool Eof;
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

    /// <summary>True when the reader knows the current record's key equals the previous record's, so grouping need not compare them.</summary>
    public bool KeyRepeats { get; protected set; }

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    public abstract bool Next();

    /// <summary>Reads more input after the unread window, which first moves to the front of the buffer.</summary>
    protected void Fill()
    {
        if (Start > 0)
        {
            // Keep the unfinished record at the front so the buffer only grows for records longer than itself.
            Buffer.AsSpan(Start, End - Start).CopyTo(Buffer);
            BufferOffset += Start;
            End -= Start;
            Start = 0;
        }
        if (End == Buffer.Length) Array.Resize(ref Buffer, Buffer.Length * 2);
        var read = _input.Read(Buffer, End, Buffer.Length - End);
        if (read == 0) Eof = true;
        End += read;
    }
}
