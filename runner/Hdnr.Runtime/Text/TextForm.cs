using System.Buffers.Text;
using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Text;

/// <summary>The text form of values on a text-mode wire: which declared types it carries and how each is written.</summary>
/// <remarks>README.md beside this file is the user-facing description; keep the two in step.</remarks>
internal static class TextForm
{
    /// <summary>The scalar types a script may declare, as the error messages list them.</summary>
    public const string ReadableTypesText =
        "string, long, int, short, sbyte, byte, double, float, bool, byte[], object, T[], List<T>, Dictionary<K, V>, a tuple, TypedBytesVector, TypedBytesList, TypedBytesMap, TypedBytesRaw or a record or class declared in the script";

    private static readonly HashSet<Type> Scalars =
        [typeof(string), typeof(long), typeof(int), typeof(short), typeof(sbyte), typeof(byte), typeof(double), typeof(float), typeof(bool)];

    private static readonly HashSet<Type> TypedBytesTypes =
        [typeof(TypedBytesVector), typeof(TypedBytesList), typeof(TypedBytesMap), typeof(TypedBytesRaw)];

    /// <summary>The generic list types a script may declare, read and written as a JSON array or typedbytes list.</summary>
    internal static readonly HashSet<Type> ListShapes =
    [
        typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(ICollection<>),
        typeof(IReadOnlyCollection<>), typeof(IEnumerable<>),
    ];

    /// <summary>The generic dictionary types a script may declare, read and written as a JSON object or typedbytes map.</summary>
    internal static readonly HashSet<Type> DictionaryShapes =
        [typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>)];

    /// <summary>True when a script may declare <paramref name="type"/> as a key or value it takes.</summary>
    public static bool CanRead(Type type)
    {
        if (Scalars.Contains(type) || type == typeof(byte[]) || type == typeof(object) || TypedBytesTypes.Contains(type)) return true;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Scalars.Contains(underlying);
        if (Conversion.RecordShape.IsScriptType(type)) return Conversion.RecordShape.Problem(type) is null;
        if (type.IsArray) return type.GetArrayRank() == 1 && CanRead(type.GetElementType()!);
        if (!type.IsGenericType) return false;
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (ListShapes.Contains(definition)) return CanRead(arguments[0]);
        if (DictionaryShapes.Contains(definition)) return CanRead(arguments[0]) && CanRead(arguments[1]);
        return IsValueTuple(type) && arguments.All(CanRead);
    }

    /// <summary>True when a script may return keys or values of <paramref name="type"/>.</summary>
    public static bool CanWrite(Type type) =>
        CanRead(type) || ((typeof(IEnumerable).IsAssignableFrom(type) || typeof(ITuple).IsAssignableFrom(type)) && !HoldsScriptType(type));

    // A collection hdnr cannot read is written from its runtime values, which know no record's members.
    private static bool HoldsScriptType(Type type) =>
        Conversion.RecordShape.IsScriptType(type)
        || (type.IsArray && HoldsScriptType(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(HoldsScriptType));

    /// <summary>The first <c>T?</c> of a record struct declared in the script that <paramref name="type"/> holds, or null: hdnr carries none.</summary>
    public static Type? NullableRecord(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying && Conversion.RecordShape.IsScriptType(underlying) ? type
        : type.IsArray ? NullableRecord(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().Select(NullableRecord).FirstOrDefault(t => t is not null)
        : null;

    /// <summary>True for <c>ValueTuple</c> types of one to seven elements, the ones hdnr reads as JSON arrays.</summary>
    public static bool IsValueTuple(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal)
        && type.GetGenericArguments().Length <= 7;

    /// <summary>Writes a value of any supported runtime type in its top-level text form.</summary>
    public static void WriteObject(OutputBuffer output, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                output.WriteUtf8(text);
                return;
            case byte[] bytes:
                WriteBase64(output, bytes);
                return;
            case bool flag:
                output.Write(flag ? "true"u8 : "false"u8);
                return;
            case sbyte or byte or short or int or long:
                WriteInt64(output, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return;
            case double number:
                WriteDouble(output, number);
                return;
            case float number:
                WriteSingle(output, number);
                return;
            default:
                JsonForm.WriteTopLevel(output, value);
                return;
        }
    }

    public static void WriteInt32(OutputBuffer output, int value)
    {
        Utf8Formatter.TryFormat(value, output.GetSpan(11), out var written);
        output.Advance(written);
    }

    public static void WriteInt64(OutputBuffer output, long value)
    {
        Utf8Formatter.TryFormat(value, output.GetSpan(20), out var written);
        output.Advance(written);
    }

    /// <summary>Writes the shortest text that parses back to the same double (NaN, Infinity and -Infinity by name).</summary>
    public static void WriteDouble(OutputBuffer output, double value)
    {
        value.TryFormat(output.GetSpan(32), out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    public static void WriteSingle(OutputBuffer output, float value)
    {
        value.TryFormat(output.GetSpan(32), out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    public static void WriteBase64(OutputBuffer output, byte[] bytes)
    {
        var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(bytes.Length));
        Base64.EncodeToUtf8(bytes, span, out _, out var written);
        output.Advance(written);
    }

    /// <summary>The top-level text form of a value as a string, which is also how it appears as a JSON object's key.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        string text => text,
        byte[] bytes => Convert.ToBase64String(bytes),
        bool flag => flag ? "true" : "false",
        IFormattable number when value is sbyte or byte or short or int or long or double or float =>
            number.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonForm.ToJson(value),
    };

    /// <summary>Shows raw input bytes in an error message: quoted, escaped, and cut short when long.</summary>
    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        const int Limit = 80;
        var text = Encoding.UTF8.GetString(bytes.Length > Limit * 4 ? bytes[..(Limit * 4)] : bytes);
        var cut = text.Length > Limit || bytes.Length > Limit * 4;
        if (text.Length > Limit) text = text[..Limit];
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                '\r' => "\\r",
                '\n' => "\\n",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append(cut ? "\"..." : "\"").ToString();
    }
}
