using System.Text;

namespace Hdnr.Runtime.Text;

/// <summary>Reads the plainest JSON tokens of the text form straight from the bytes, for the codecs' fast path: a token it does not take whole is left to <c>Utf8JsonReader</c>.</summary>
/// <remarks>
/// Each method takes only a strict subset of JSON whose value is beyond doubt (a string of printable ASCII without
/// escapes, an integer without fraction or exponent that fits, <c>true</c>, <c>false</c>), and otherwise returns false
/// and moves nothing, so that the reader, which knows every rule and every error message, reads the whole value again.
/// Whatever this accepts, the reader gives the same value for.
/// </remarks>
internal static class JsonScan
{
    /// <summary>The position of the first byte at or after <paramref name="at"/> that is not JSON whitespace.</summary>
    public static int Skip(ReadOnlySpan<byte> text, int at)
    {
        while (at < text.Length && text[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') at++;
        return at;
    }

    /// <summary>Reads a string of printable ASCII without escapes at <paramref name="at"/>.</summary>
    public static bool String(ReadOnlySpan<byte> text, ref int at, out string? value)
    {
        value = null;
        if (at >= text.Length || text[at] != (byte)'"') return false;
        var rest = text[(at + 1)..];
        var length = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (length < 0 || rest[length] != (byte)'"' || rest[..length].IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0) return false;
        value = Encoding.ASCII.GetString(rest[..length]);
        at += length + 2;
        return true;
    }

    /// <summary>Reads an integer of at most <paramref name="digits"/> digits, without fraction or exponent, at <paramref name="at"/>.</summary>
    public static bool Integer(ReadOnlySpan<byte> text, ref int at, int digits, out long value)
    {
        value = 0;
        var i = at;
        var negative = i < text.Length && text[i] == (byte)'-';
        if (negative) i++;
        var start = i;
        long number = 0;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            number = (number * 10) + (text[i] - '0');
            i++;
        }
        var count = i - start;
        // JSON has no leading zeros; a fraction or exponent is the reader's to judge.
        if (count == 0 || count > digits || (count > 1 && text[start] == (byte)'0')
            || (i < text.Length && text[i] is (byte)'.' or (byte)'e' or (byte)'E'))
            return false;
        value = negative ? -number : number;
        at = i;
        return true;
    }

    /// <summary>Reads <c>true</c> or <c>false</c> at <paramref name="at"/>.</summary>
    public static bool Boolean(ReadOnlySpan<byte> text, ref int at, out bool value)
    {
        value = text[at..].StartsWith("true"u8);
        if (value || text[at..].StartsWith("false"u8))
        {
            at += value ? 4 : 5;
            return true;
        }
        return false;
    }
}
