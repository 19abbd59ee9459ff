using Hdnr.Runtime.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>The sort-field form of a <c>[SortValues]</c> job's map output: a key or value as its fields (a tuple's items, or the one scalar), separated by tabs, each a scalar's text.</summary>
/// <remarks>
/// Hadoop's KeyFieldBasedComparator orders these fields, so each is plain text it can read: a string's UTF-8 bytes (which
/// must hold no tab or line end, or Hadoop would cut it), an integer's decimal digits, a bool's <c>false</c> or
/// <c>true</c>. <see cref="Jobs.ValueSort"/> admits no other type. The <c>typeof</c> tests are constants once the JIT
/// specializes a method, so a field costs a branch more than the text form.
/// </remarks>
internal static class SortFields
{
    /// <summary>Writes <paramref name="value"/>'s fields.</summary>
    public static void Write<T>(OutputBuffer output, T value)
    {
        if (typeof(T) == typeof(string))
        {
            var text = (string?)(object?)value ?? "";
            if (text.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
                throw new ConversionFailure($"the string {TextForm.Quote(System.Text.Encoding.UTF8.GetBytes(text))} holds a tab or line end, which a [SortValues] field cannot hold: Hadoop would cut the record there");
            output.WriteUtf8(text);
        }
        else if (typeof(T) == typeof(long) || typeof(T) == typeof(int) || typeof(T) == typeof(short) || typeof(T) == typeof(sbyte)
                 || typeof(T) == typeof(byte) || typeof(T) == typeof(bool))
        {
            ValueWriter<T>.Text(output, value);
        }
        else
        {
            (Codecs.Known<T>() ?? throw new ConversionFailure($"{Jobs.TypeNames.Of(typeof(T))} has no sort-field form")).WriteFields(output, value);
        }
    }

    /// <summary>Reads a value written by <see cref="Write{T}"/>.</summary>
    public static T Read<T>(ReadOnlySpan<byte> text)
    {
        if (typeof(T) == typeof(string)) return (T)(object)SurrogateEscape.Decode(text);
        if (typeof(T) == typeof(long)) return (T)(object)TextParsers.ParseInt64(text);
        if (typeof(T) == typeof(int)) return (T)(object)TextParsers.ParseInt32(text);
        if (typeof(T) == typeof(short)) return (T)(object)TextParsers.ParseInt16(text);
        if (typeof(T) == typeof(sbyte)) return (T)(object)TextParsers.ParseSByte(text);
        if (typeof(T) == typeof(byte)) return (T)(object)TextParsers.ParseByte(text);
        if (typeof(T) == typeof(bool)) return (T)(object)TextParsers.ParseBoolean(text);
        return (Codecs.Known<T>() ?? throw new ConversionFailure($"{Jobs.TypeNames.Of(typeof(T))} has no sort-field form")).ReadFields(text);
    }

    /// <summary>A reduce task's value fields without the separator and empty value Hadoop writes after them (the map output key held every field), when they are there.</summary>
    /// <remarks>Hadoop writes <c>k TAB v1 TAB v2 TAB</c> on a reducer's stdin, the pipe <c>k TAB v1 TAB v2</c>: one tab more than the value's fields hold marks Hadoop's.</remarks>
    public static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> text, int fields) =>
        text.Length > 0 && text[^1] == (byte)'\t' && text.Count((byte)'\t') == fields ? text[..^1] : text;
}
