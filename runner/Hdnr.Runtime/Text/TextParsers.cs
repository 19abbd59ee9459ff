using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Hdnr.Runtime.Text;

/// <summary>Reads the text form back as the type a script declares: scalars directly, containers from JSON.</summary>
internal static class TextParsers
{
    /// <summary>The parser for <paramref name="type"/>, a type that is not a container (<see cref="Conversion.Codecs"/> read those), built once when a job is bound.</summary>
    public static SpanParser For(Type type)
    {
        // A declared object gets the text itself: the text form alone cannot tell "12" the string from 12 the number.
        if (type == typeof(string) || type == typeof(object)) return text => SurrogateEscape.Decode(text);
        if (type == typeof(long)) return text => ParseInt64(text);
        if (type == typeof(int)) return text => ParseInt32(text);
        if (type == typeof(short)) return text => ParseInt16(text);
        if (type == typeof(sbyte)) return text => ParseSByte(text);
        if (type == typeof(byte)) return text => ParseByte(text);
        if (type == typeof(double)) return text => ParseDouble(text);
        if (type == typeof(float)) return text => ParseSingle(text);
        if (type == typeof(bool)) return text => ParseBoolean(text);
        if (type == typeof(byte[])) return text => ParseBase64(text);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            var inner = For(underlying);
            return text => text.IsEmpty ? null : inner(text);
        }
        var name = Jobs.TypeNames.Of(type);
        var convert = Conversion.ObjectConverters.ForScalar(type);
        return text => text.IsEmpty ? null : convert(JsonForm.ParseNatural(text, name));
    }

    public static long ParseInt64(ReadOnlySpan<byte> text) =>
        SmallDigits(text) is var small and >= 0 ? small
        : Utf8Parser.TryParse(text, out long value, out var used) && used == text.Length ? value : throw Failure(text, "long");

    public static int ParseInt32(ReadOnlySpan<byte> text) =>
        SmallDigits(text) is var small and >= 0 ? small
        : Utf8Parser.TryParse(text, out int value, out var used) && used == text.Length ? value : throw Failure(text, "int");

    // Counts are mostly a few digits: read up to nine without the general parser's set-up; -1 for anything else.
    private static int SmallDigits(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.Length > 9) return -1;
        var value = 0;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9) return -1;
            value = (value * 10) + (int)digit;
        }
        return value;
    }

    public static short ParseInt16(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out short value, out var used) && used == text.Length ? value : throw Failure(text, "short");

    public static sbyte ParseSByte(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out sbyte value, out var used) && used == text.Length ? value : throw Failure(text, "sbyte");

    public static byte ParseByte(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out byte value, out var used) && used == text.Length ? value : throw Failure(text, "byte");

    public static double ParseDouble(ReadOnlySpan<byte> text) =>
        !text.IsEmpty && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Failure(text, "double");

    public static float ParseSingle(ReadOnlySpan<byte> text) =>
        !text.IsEmpty && float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Failure(text, "float");

    public static bool ParseBoolean(ReadOnlySpan<byte> text)
    {
        if (Ascii.EqualsIgnoreCase(text, "true"u8)) return true;
        if (Ascii.EqualsIgnoreCase(text, "false"u8)) return false;
        throw Failure(text, "bool");
    }

    public static byte[] ParseBase64(ReadOnlySpan<byte> text)
    {
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        var status = Base64.DecodeFromUtf8(text, bytes, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done) throw new ConversionFailure($"cannot read {TextForm.Quote(text)} as byte[]: byte[] values are base64 in the text form");
        return written == bytes.Length ? bytes : bytes[..written];
    }

    private static ConversionFailure Failure(ReadOnlySpan<byte> text, string typeName) =>
        new($"cannot read {TextForm.Quote(text)} as {typeName}");
}
