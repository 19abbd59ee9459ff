using System.Text.Json;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>The codec of a value that is not a container hdnr builds: a scalar, <c>byte[]</c>, a nullable scalar, <c>object</c> or a typedbytes type.</summary>
/// <remarks>The common scalars are read from the JSON token itself; the rest go through the plain value and <see cref="ObjectConverters"/>, which has the rules.</remarks>
public sealed class ScalarCodec<T> : Codec<T>
{
    private readonly Func<object?, object?> _convert;

    /// <summary>The codec of <typeparamref name="T"/>.</summary>
    public ScalarCodec() => _convert = ObjectConverters.ForScalar(typeof(T));

    internal override T ReadJson(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when typeof(T) == typeof(string):
                return (T)(object)reader.GetString()!;
            case JsonTokenType.Number when typeof(T) == typeof(long) && reader.TryGetInt64(out var integer):
                return (T)(object)integer;
            case JsonTokenType.Number when typeof(T) == typeof(int) && reader.TryGetInt32(out var small):
                return (T)(object)small;
            case JsonTokenType.Number when typeof(T) == typeof(double) && reader.TryGetInt64(out var whole):
                return (T)(object)(double)whole;
            case JsonTokenType.Number when typeof(T) == typeof(double) && reader.TryGetDouble(out var real):
                return (T)(object)real;
            case JsonTokenType.True when typeof(T) == typeof(bool):
                return (T)(object)true;
            case JsonTokenType.False when typeof(T) == typeof(bool):
                return (T)(object)false;
            default:
                return ReadDecoded(JsonForm.Natural(JsonElement.ParseValue(ref reader)));
        }
    }

    internal override bool TryReadText(ReadOnlySpan<byte> text, ref int at, out T value)
    {
        value = default!;
        if (at >= text.Length) return false;
        if (typeof(T) == typeof(string))
        {
            if (!JsonScan.String(text, ref at, out var parsed)) return false;
            value = (T)(object)parsed!;
            return true;
        }
        if (typeof(T) == typeof(int))
        {
            // Nine digits always fit an int.
            if (!JsonScan.Integer(text, ref at, 9, out var parsed)) return false;
            value = (T)(object)(int)parsed;
            return true;
        }
        if (typeof(T) == typeof(long) || typeof(T) == typeof(double))
        {
            // Eighteen digits always fit a long; a double gets the long's value, as ReadJson gives it.
            if (!JsonScan.Integer(text, ref at, 18, out var parsed)) return false;
            value = typeof(T) == typeof(long) ? (T)(object)parsed : (T)(object)(double)parsed;
            return true;
        }
        if (typeof(T) == typeof(bool))
        {
            if (!JsonScan.Boolean(text, ref at, out var parsed)) return false;
            value = (T)(object)parsed;
            return true;
        }
        return false;
    }

    internal override T ReadDecoded(object? value)
    {
        if (typeof(T) == typeof(string) && value is string text) return (T)(object)text;
        if (typeof(T) == typeof(long) && value is long integer) return (T)(object)integer;
        if (typeof(T) == typeof(int) && value is int small) return (T)(object)small;
        if (typeof(T) == typeof(double) && value is double real) return (T)(object)real;
        return (T)_convert(value)!;
    }

    internal override void WriteJson(Utf8JsonWriter writer, T value)
    {
        if (typeof(T) == typeof(string) && value is not null) writer.WriteStringValue((string)(object)value);
        else if (typeof(T) == typeof(int)) writer.WriteNumberValue((int)(object)value!);
        else if (typeof(T) == typeof(long)) writer.WriteNumberValue((long)(object)value!);
        else if (typeof(T) == typeof(bool)) writer.WriteBooleanValue((bool)(object)value!);
        else JsonForm.Write(writer, value);
    }

    internal override void WriteTypedBytes(OutputBuffer output, T value) => ValueWriter<T>.TypedBytes(output, value);
}
