using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>A Writable this reader cannot decode, kept as its class name and serialized bytes.</summary>
public sealed record WritableValue(string ClassName, byte[] Bytes)
{
    /// <summary>Compares class name and bytes.</summary>
    public bool Equals(WritableValue? other) =>
        other is not null && ClassName == other.ClassName && Bytes.AsSpan().SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ClassName);
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{ClassName}({TypedBytesText.Format(Bytes)})";
}
