using System.Globalization;
using System.Text;

namespace Hdnr.Runtime.TypedBytes;

/// <summary>Writes decoded values in a readable, Python-repr-like form: strings quoted, bytes as hex, vectors as tuples, lists as lists, maps as dicts.</summary>
public static class TypedBytesText
{
    /// <summary>The readable form of one value.</summary>
    public static string Format(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, 0);
        return text.ToString();
    }

    /// <summary>Appends the readable form of one value.</summary>
    public static void Append(StringBuilder text, object? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        Append(text, value, 0);
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        if (depth > TypedBytesFraming.MaxDepth)
        {
            text.Append("...");
            return;
        }

        switch (value)
        {
            case null:
                text.Append("None");
                break;
            case byte[] bytes:
                text.Append("0x").Append(Convert.ToHexStringLower(bytes));
                break;
            case bool b:
                text.Append(b ? "True" : "False");
                break;
            case sbyte or int:
                text.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case long l:
                // Python 2's repr, which hadoopy users know, marks longs so they read apart from ints.
                text.Append(l.ToString(CultureInfo.InvariantCulture)).Append('L');
                break;
            case float f:
                AppendFloating(text, f, float.IsNaN(f), float.IsInfinity(f), f.ToString("R", CultureInfo.InvariantCulture));

                // Marks a finite single apart from a double; nan and inf read the same either way.
                if (float.IsFinite(f))
                {
                    text.Append('f');
                }

                break;
            case double d:
                AppendFloating(text, d, double.IsNaN(d), double.IsInfinity(d), d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case string s:
                AppendQuoted(text, s);
                break;
            case TypedBytesRaw raw:
                text.Append("raw(").Append(raw.Code).Append(", 0x").Append(Convert.ToHexStringLower(raw.Bytes)).Append(')');
                break;
            case TypedBytesVector vector:
                text.Append('(');
                AppendItems(text, vector, depth);
                text.Append(vector.Count == 1 ? ",)" : ")");
                break;
            case TypedBytesList list:
                text.Append('[');
                AppendItems(text, list, depth);
                text.Append(']');
                break;
            case TypedBytesMap map:
                text.Append('{');
                var first = true;
                foreach (var entry in map.Entries)
                {
                    if (!first)
                    {
                        text.Append(", ");
                    }

                    first = false;
                    Append(text, entry.Key, depth + 1);
                    text.Append(": ");
                    Append(text, entry.Value, depth + 1);
                }

                text.Append('}');
                break;
            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void AppendItems(StringBuilder text, TypedBytesSequence items, int depth)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            Append(text, items[i], depth + 1);
        }
    }

    private static void AppendFloating(StringBuilder text, double value, bool nan, bool infinity, string digits)
    {
        if (nan)
        {
            text.Append("nan");
        }
        else if (infinity)
        {
            text.Append(value > 0 ? "inf" : "-inf");
        }
        else
        {
            // Python writes 1.0 and 1e+300 where .NET writes 1 and 1E+300.
            digits = digits.Replace("E", "e", StringComparison.Ordinal);
            text.Append(digits);
            if (!digits.Contains('.') && !digits.Contains('e'))
            {
                text.Append(".0");
            }
        }
    }

    /// <summary>Appends a string in double quotes with backslash escapes for quotes, backslashes and control characters.</summary>
    public static void AppendQuoted(StringBuilder text, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(value);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case < ' ' or '\u007f':
                    text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
