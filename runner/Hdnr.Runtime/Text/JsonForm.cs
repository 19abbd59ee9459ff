using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Text;

/// <summary>The JSON that carries non-scalar values (collections, dictionaries, tuples) in the text form, both ways.</summary>
/// <remarks>
/// JSON escapes tabs and newlines inside strings, so a container never breaks a <c>key TAB value</c> line.
/// Non-ASCII text stays as UTF-8 (relaxed escaping) so output stays readable.
/// </remarks>
internal static class JsonForm
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Writes a container as the whole text of a key or value.</summary>
    public static void WriteTopLevel(OutputBuffer output, object value)
    {
        var writer = Start(output);
        Write(writer, value);
        writer.Flush();
    }

    /// <summary>This thread's writer, set to write the whole text of a key or value to <paramref name="output"/>; flush it when done.</summary>
    public static Utf8JsonWriter Start(OutputBuffer output)
    {
        var writer = t_writer ??= new Utf8JsonWriter(output, WriterOptions);
        writer.Reset(output);
        return writer;
    }

    /// <summary>The JSON text of a value, for a dictionary key that is itself a container.</summary>
    public static string ToJson(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The JSON text <paramref name="codec"/> writes for <paramref name="value"/>, for a dictionary key that is itself a container.</summary>
    public static string ToJson<T>(Conversion.Codec<T> codec, T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) codec.WriteJson(writer, value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes any supported runtime value as one JSON value.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case sbyte or byte or short or int or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double number:
                // JSON has no NaN or infinities: they travel as the strings a double parses back from.
                if (double.IsFinite(number)) writer.WriteNumberValue(number);
                else writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case float number:
                if (float.IsFinite(number)) writer.WriteNumberValue(number);
                else writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case TypedBytesMap map:
                writer.WriteStartObject();
                foreach (var entry in map.Entries)
                {
                    writer.WritePropertyName(TextForm.ToText(entry.Key));
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case TypedBytesRaw raw:
                // An application-specific typedbytes value: its code and payload, so it can be read back whole.
                writer.WriteStartObject();
                writer.WriteNumber("typedbytes", raw.Code);
                writer.WriteBase64String("bytes", raw.Bytes);
                writer.WriteEndObject();
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(TextForm.ToText(entry.Key));
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case ITuple tuple:
                writer.WriteStartArray();
                for (var i = 0; i < tuple.Length; i++) Write(writer, tuple[i]);
                writer.WriteEndArray();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new ConversionFailure($"cannot write a value of type {value.GetType().Name}");
        }
    }

    /// <summary>Reads JSON text as plain values: string, long, double, bool, null, object?[] and Dictionary&lt;string, object?&gt;.</summary>
    public static object? ParseNatural(ReadOnlySpan<byte> text, string typeName)
    {
        try
        {
            var reader = new Utf8JsonReader(text);
            var element = JsonElement.ParseValue(ref reader);
            if (reader.BytesConsumed != text.Length && !text[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).IsEmpty)
                throw new JsonException("text after the JSON value");
            return Natural(element);
        }
        catch (JsonException)
        {
            throw new ConversionFailure($"cannot read {TextForm.Quote(text)} as {typeName}: it is not JSON");
        }
    }

    /// <summary>A JSON value as a plain value.</summary>
    public static object? Natural(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var integer) ? (object)integer : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(Natural).ToArray(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Natural(p.Value)),
        _ => null,
    };
}
