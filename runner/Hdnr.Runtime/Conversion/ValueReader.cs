using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Conversion;

/// <summary>Converts encoded keys or values to one declared type <typeparamref name="T"/>; built once per bound function.</summary>
/// <remarks>
/// The <c>typeof(T)</c> tests are constants once the JIT specializes this class for a value type, so the common
/// scalars cost a parse and no boxing; everything else goes through conversions built when the job was bound.
/// Failures throw <see cref="ConversionFailure"/>, which the task loop turns into a <see cref="RecordConversionException"/>.
/// </remarks>
internal sealed class ValueReader<T>
{
    private readonly SpanParser? _text;
    private readonly Func<object?, object?>? _decoded;
    private readonly Codec<T>? _codec;
    private readonly string _name = Jobs.TypeNames.Of(typeof(T));

    [RequiresDynamicCode("Builds codecs for a script's declared types.")]
    [RequiresUnreferencedCode("Builds codecs for a script's declared types.")]
    public ValueReader()
    {
        if (Codecs.IsContainer(typeof(T)))
        {
            _codec = Codecs.Of<T>();
            return;
        }
        _text = TextParsers.For(typeof(T));
        _decoded = ObjectConverters.ForScalar(typeof(T));
    }

    /// <summary>Reads a text-form key or value.</summary>
    public T FromText(ReadOnlySpan<byte> text)
    {
        if (typeof(T) == typeof(string)) return (T)(object)SurrogateEscape.Decode(text);
        if (typeof(T) == typeof(long)) return (T)(object)TextParsers.ParseInt64(text);
        if (typeof(T) == typeof(int)) return (T)(object)TextParsers.ParseInt32(text);
        if (typeof(T) == typeof(double)) return (T)(object)TextParsers.ParseDouble(text);
        return _codec is null ? (T)_text!(text)! : Codecs.ReadText(_codec, text, _name);
    }

    /// <summary>Reads a map's text-mode value: the line, whose bytes a <c>byte[]</c> gets exactly as they are.</summary>
    public T FromLine(ReadOnlySpan<byte> line) => typeof(T) == typeof(byte[]) ? (T)(object)line.ToArray() : FromText(line);

    /// <summary>Reads a map's text-mode key: the line's byte offset.</summary>
    public T FromOffset(long offset)
    {
        if (typeof(T) == typeof(long)) return (T)(object)offset;
        if (typeof(T) == typeof(object)) return (T)(object)offset;
        if (typeof(T) == typeof(double)) return (T)(object)(double)offset;
        if (typeof(T) == typeof(int) && offset <= int.MaxValue) return (T)(object)(int)offset;
        if (typeof(T) == typeof(string)) return (T)(object)offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        throw new ConversionFailure($"cannot read the line's byte offset {offset} as {Jobs.TypeNames.Of(typeof(T))}; declare the key long");
    }

    /// <summary>Reads one whole encoded typedbytes value (type code first).</summary>
    public T FromTypedBytes(ReadOnlySpan<byte> encoded)
    {
        var code = encoded[0];
        if (typeof(T) == typeof(string) && code == (byte)TypedBytesType.String)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(encoded[1..]);
            return length < 0 ? default! : (T)(object)SurrogateEscape.Decode(encoded.Slice(5, length));
        }
        if (typeof(T) == typeof(long))
        {
            if (code == (byte)TypedBytesType.Long) return (T)(object)BinaryPrimitives.ReadInt64BigEndian(encoded[1..]);
            if (code == (byte)TypedBytesType.Int) return (T)(object)(long)BinaryPrimitives.ReadInt32BigEndian(encoded[1..]);
        }
        if (typeof(T) == typeof(int) && code == (byte)TypedBytesType.Int)
            return (T)(object)BinaryPrimitives.ReadInt32BigEndian(encoded[1..]);
        if (typeof(T) == typeof(double) && code == (byte)TypedBytesType.Double)
            return (T)(object)BinaryPrimitives.ReadDoubleBigEndian(encoded[1..]);
        if (typeof(T) == typeof(byte[]) && code == (byte)TypedBytesType.Bytes)
            return (T)(object)encoded[5..].ToArray();
        var decoded = TypedBytesCodec.Decode(encoded);
        return _codec is null ? (T)_decoded!(decoded)! : _codec.ReadDecoded(decoded);
    }
}
