namespace Hdnr.Runtime.Wire;

/// <summary>How keys and values travel on one side of a streaming task, as Hadoop's <c>stream.*.input/output</c> name it.</summary>
public enum WireFormat
{
    /// <summary><c>key TAB value</c> lines (for a map's input, plain lines).</summary>
    Text,

    /// <summary>Hadoop typedbytes: key, value, key, value, each with its type code.</summary>
    TypedBytes,

    /// <summary>Hadoop's rawbytes: key, value, key, value, each a 4-byte big-endian length and that many bytes.</summary>
    RawBytes,

    /// <summary>Hadoop's keyonlytext: one line per record, the whole line its key, with no value.</summary>
    KeyOnlyText,
}
