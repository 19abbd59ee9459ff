using System.Collections;
using System.Globalization;
using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Conversion;

/// <summary>Converts decoded values (typedbytes objects, or plain values from the text form's JSON) to a declared type that is not a container.</summary>
/// <remarks>
/// One conversion serves both wire formats. Strings convert to scalars by the text form's rules, because JSON carries
/// dictionary keys, byte arrays (base64) and non-finite doubles as strings.
/// </remarks>
internal static class ObjectConverters
{
    /// <summary>The conversion to <paramref name="type"/>, a type that is not a container (<see cref="Codecs"/> read those), built once when a job is bound.</summary>
    public static Func<object?, object?> ForScalar(Type type)
    {
        var name = TypeNames.Of(type);
        if (type == typeof(object)) return value => value;
        if (type == typeof(string))
            return value => value switch
            {
                null or string => value,
                bool or sbyte or byte or short or int or long or float or double => TextForm.ToText(value),
                _ => throw Mismatch(value, name),
            };
        if (type == typeof(long)) return value => Integer(value, name, long.MinValue, long.MaxValue);
        if (type == typeof(int)) return value => (int)Integer(value, name, int.MinValue, int.MaxValue);
        if (type == typeof(short)) return value => (short)Integer(value, name, short.MinValue, short.MaxValue);
        if (type == typeof(sbyte)) return value => (sbyte)Integer(value, name, sbyte.MinValue, sbyte.MaxValue);
        if (type == typeof(byte)) return value => (byte)Integer(value, name, byte.MinValue, byte.MaxValue);
        if (type == typeof(double)) return value => Real(value, name);
        if (type == typeof(float))
            return value => value is float single ? single : (float)Real(value, name);
        if (type == typeof(bool))
            return value => value switch
            {
                bool flag => flag,
                string text => TextParsers.ParseBoolean(Encoding.UTF8.GetBytes(text)),
                _ => throw Mismatch(value, name),
            };
        if (type == typeof(byte[]))
            return value => value switch
            {
                null => null,
                byte[] bytes => bytes,
                string text => TextParsers.ParseBase64(Encoding.UTF8.GetBytes(text)),
                _ => throw Mismatch(value, name),
            };
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            var inner = ForScalar(underlying);
            return value => value is null ? null : inner(value);
        }
        if (type == typeof(TypedBytesRaw))
            return value => value switch
            {
                null or TypedBytesRaw => value,
                IDictionary { Count: 2 } form when form["typedbytes"] is long code and >= 50 and <= 200 && form["bytes"] is string bytes =>
                    new TypedBytesRaw((byte)code, TextParsers.ParseBase64(Encoding.UTF8.GetBytes(bytes))),
                _ => throw Mismatch(value, name),
            };
        if (type == typeof(TypedBytesVector))
            return value => value switch
            {
                null or TypedBytesVector => value,
                _ when Items(value) is { } items => new TypedBytesVector(items),
                _ => throw Mismatch(value, name),
            };
        if (type == typeof(TypedBytesList))
            return value => value switch
            {
                null or TypedBytesList => value,
                _ when Items(value) is { } items => new TypedBytesList(items),
                _ => throw Mismatch(value, name),
            };
        if (type == typeof(TypedBytesMap))
            return value => value switch
            {
                null or TypedBytesMap => value,
                _ when Entries(value) is { } entries => new TypedBytesMap(entries.Select(e => new KeyValuePair<object, object?>(e.Key!, e.Value))),
                _ => throw Mismatch(value, name),
            };
        throw new ArgumentException($"{name} is a container: its codec reads it (Codecs)", nameof(type));
    }

    /// <summary>The items of a sequence value (vector, list, array), or null when it is not one.</summary>
    internal static object?[]? Items(object? value) => value switch
    {
        null or string or byte[] or IDictionary or TypedBytesMap => null,
        TypedBytesSequence sequence => sequence.AsSpan().ToArray(),
        IEnumerable items => items.Cast<object?>().ToArray(),
        _ => null,
    };

    /// <summary>The entries of a map value, or null when it is not one.</summary>
    internal static IEnumerable<(object? Key, object? Value)>? Entries(object? value) => value switch
    {
        TypedBytesMap map => map.Select(e => new ValueTuple<object?, object?>(e.Key, e.Value)),
        IDictionary dictionary => EntriesOf(dictionary),
        _ => null,
    };

    private static List<(object? Key, object? Value)> EntriesOf(IDictionary dictionary)
    {
        // IDictionary's own enumerator yields DictionaryEntry; the IEnumerable one of a generic dictionary does not.
        var entries = new List<(object? Key, object? Value)>(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary) entries.Add((entry.Key, entry.Value));
        return entries;
    }

    private static long Integer(object? value, string name, long min, long max)
    {
        long integer = value switch
        {
            sbyte v => v,
            byte v => v,
            short v => v,
            int v => v,
            long v => v,
            string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw Mismatch(value, name),
        };
        return integer >= min && integer <= max ? integer : throw Mismatch(value, name);
    }

    private static double Real(object? value, string name) => value switch
    {
        double v => v,
        float v => v,
        sbyte v => v,
        byte v => v,
        short v => v,
        int v => v,
        long v => v,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Mismatch(value, name),
    };

    internal static ConversionFailure Mismatch(object? value, string typeName) =>
        new($"cannot read {Show(value)} as {typeName}");

    // The text form's JSON arrays arrive as object?[], at any depth: shown as the vectors they stand for.
    private static object? Shown(object? value) =>
        value is object?[] items ? new TypedBytesVector(items.Select(Shown)) : value;

    /// <summary>A decoded value as an error message shows it.</summary>
    internal static string Show(object? value)
    {
        var text = TypedBytesText.Format(Shown(value));
        if (value is IDictionary dictionary) text = TextForm.ToText(dictionary);
        return text.Length > 80 ? text[..80] + "..." : text;
    }
}
