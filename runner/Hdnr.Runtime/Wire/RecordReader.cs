namespace Hdnr.Runtime.Wire;

/// <summary>Reads a task's input one key/value record at a time, as byte spans into a reused buffer.</summary>
/// <remarks>Spans stay valid only until the next <see cref="Next"/>; grouping copies the key it compares.</remarks>
public abstract class RecordReader
{
    private readonly Stream _input;
    private protected byte[] Buffer;

    // The unread window of Buffer is [Start, End); BufferOffset is the input offset of Buffer[0].
    private protected int Start;
    private protected int End;
    private protected long BufferOffset;
    private protected bool Eof;
    private protected int KeyStart;
    private protected int KeyLength;
    private protected int ValueStart;
    private protected int ValueLength;

    private protected RecordReader(Stream input, byte[] buffer, long firstOffset)
    {
        _input = input;
        Buffer = buffer;
        BufferOffset = firstOffset;
    }

    /// <summary>Reads a typedbytes stream's records, each key and value whole with its type code.</summary>
    public static RecordReader OfTypedBytes(Stream input) => new TypedBytesRecordReader(input, 1 << 16);

    /// <summary>The current record's key bytes, in the wire format's encoding.</summary>
    public ReadOnlySpan<byte> Key => new(Buffer, KeyStart, KeyLength);

    /// <summary>The current record from its key's first byte to its value's last: a text line without its end, or a typedbytes key and value.</summary>
    public ReadOnlySpan<byte> Whole => new(Buffer, KeyStart, ValueStart + ValueLength - KeyStart);

    /// <summary>The current record's value bytes, in the wire format's encoding.</summary>
    public ReadOnlySpan<byte> Value => new(Buffer, ValueStart, ValueLength);

    /// <summary>The current record's number, counting from 1.</summary>
    public long Record { get; private protected set; }

    /// <summary>The byte offset in the input where the current record starts.</summary>
    public long Offset { get; private protected set; }

    /// <summary>True when the reader knows the current record's key equals the previous record's, so grouping need not compare them.</summary>
    public bool KeyRepeats { get; private protected set; }

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    public abstract bool Next();

    /// <summary>Hands back the buffer (grown, if a record outgrew it), to be reused once the reader is done with.</summary>
    public byte[] ReleaseBuffer()
    {
        var buffer = Buffer;
        Buffer = [];
        Start = End = KeyStart = KeyLength = ValueStart = ValueLength = 0;
        Eof = true;
        return buffer;
    }

    /// <summary>Reads more input after the unread window, which first moves to the front of the buffer.</summary>
    private protected void Fill()
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
