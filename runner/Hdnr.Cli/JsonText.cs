using System.Text;

namespace Hdnr.Cli;

/// <summary>JSON string literals written the way Python's <c>json.dumps</c> writes them, so hdnr's info matches hadoopy's.</summary>
internal static class JsonText
{
    public static string Quote(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                // ensure_ascii: everything outside printable ASCII as \uXXXX (surrogate pairs stay two escapes, as Python's).
                case < ' ' or > '~': json.Append($"\\u{(int)c:x4}"); break;
                default: json.Append(c); break;
            }
        }
        return json.Append('"').ToString();
    }
}
