using System.Globalization;
using System.Text;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>Turns decoded pairs into lines of text, in the <see cref="PairFormat.Readable"/> or <see cref="PairFormat.Tsv"/> form.</summary>
public static class PairFormatter
{
    /// <summary>Parses a format name (readable, typedbytes, tsv), case-insensitively.</summary>
    public static PairFormat ParseFormat(string? name) => name?.ToLowerInvariant() switch
    {
        null or "" or "readable" => PairFormat.Readable,
        "typedbytes" or "tb" => PairFormat.TypedBytes,
        "tsv" or "text" => PairFormat.Tsv,
        _ => throw new ArgumentException($"Unknown format '{name}': use readable, typedbytes or tsv.", nameof(name)),
    };

    /// <summary>One pair as a line without its line end.</summary>
    public static string FormatLine(object? key, object? value, PairFormat format)
    {
        var text = new StringBuilder();
        AppendLine(text, key, value, format);
        return text.ToString();
    }

    /// <summary>Appends one pair as a line without its line end.</summary>
    public static void AppendLine(StringBuilder text, object? key, object? value, PairFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (format)
        {
            case PairFormat.Readable:
                TypedBytesText.Append(text, key);
                text.Append('\t');
                TypedBytesText.Append(text, value);
                break;
            case PairFormat.Tsv:
                AppendPlain(text, key);
                text.Append('\t');
                AppendPlain(text, value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Typed bytes are not a line format.");
        }
    }

    // As Hadoop's TextOutputFormat prints toString(): strings and numbers bare, everything else readable.
    private static void AppendPlain(StringBuilder text, object? value)
    {
        switch (value)
        {
            case string s:
                text.Append(s);
                break;
            case sbyte or int or long:
                text.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case byte[] bytes:
                text.Append(Convert.ToHexStringLower(bytes));
                break;
            default:
                TypedBytesText.Append(text, value);
                break;
        }
    }
}
