namespace Hdnr.Runtime.TypedBytes;

/// <summary>A value with an application-specific type code (50-200), kept as its code and payload so it round-trips.</summary>
public sealed record TypedBytesRaw
{
    /// <summary>Creates an application-specific value; the payload array is kept, not copied.</summary>
    public TypedBytesRaw(byte code, byte[] bytes)
    {
        if (code < (byte)TypedBytesType.FirstApplicationSpecific || code > (byte)TypedBytesType.LastApplicationSpecific)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "Application-specific typed bytes codes are 50 to 200.");
        }

        ArgumentNullException.ThrowIfNull(bytes);
        Code = code;
        Bytes = bytes;
    }

    /// <summary>The type code, 50 to 200.</summary>
    public byte Code { get; }

    /// <summary>The payload after the length prefix.</summary>
    public byte[] Bytes { get; }

    /// <summary>Compares code and payload bytes.</summary>
    public bool Equals(TypedBytesRaw? other) =>
        other is not null && Code == other.Code && Bytes.AsSpan().SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Code);
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => TypedBytesText.Format(this);

    /// <summary>Deconstructs into code and payload.</summary>
    public void Deconstruct(out byte code, out byte[] bytes)
    {
        code = Code;
        bytes = Bytes;
    }
}
