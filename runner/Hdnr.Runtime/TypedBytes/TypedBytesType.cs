namespace Hdnr.Runtime.TypedBytes;

/// <summary>The type codes of Hadoop's typed bytes, the first byte of every encoded value.</summary>
public enum TypedBytesType : byte
{
    /// <summary>Raw bytes: int32 length, then the bytes.</summary>
    Bytes = 0,

    /// <summary>One signed byte.</summary>
    Byte = 1,

    /// <summary>One byte, zero is false.</summary>
    Bool = 2,

    /// <summary>A big-endian int32.</summary>
    Int = 3,

    /// <summary>A big-endian int64.</summary>
    Long = 4,

    /// <summary>A big-endian IEEE 754 single.</summary>
    Float = 5,

    /// <summary>A big-endian IEEE 754 double.</summary>
    Double = 6,

    /// <summary>UTF-8 text: int32 byte length, then the bytes.</summary>
    String = 7,

    /// <summary>An int32 count, then that many values.</summary>
    Vector = 8,

    /// <summary>Values until a <see cref="Marker"/>.</summary>
    List = 9,

    /// <summary>An int32 count, then that many key/value pairs.</summary>
    Map = 10,

    /// <summary>The lowest application-specific code (int32 length, then the bytes).</summary>
    FirstApplicationSpecific = 50,

    /// <summary>The highest application-specific code.</summary>
    LastApplicationSpecific = 200,

    /// <summary>Ends a list; elsewhere it stands for a null value.</summary>
    Marker = 255,
}
