using System.Text;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Runtime.Frozen;

/// <summary>The one line <c>info</c> prints, written the way Python's <c>json.dumps</c> writes it, so hdnr's info matches hadoopy's.</summary>
public static class InfoJson
{
    /// <summary><c>{"doc": "...", "tasks": ["map", "reduce"]}</c> and a line feed.</summary>
    public static string Of(string doc, IEnumerable<TaskKind> tasks)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(tasks);
        var names = string.Join(", ", tasks.Select(t => Quote(ScriptVerbs.Name(t))));
        return $"{{\"doc\": {Quote(doc)}, \"tasks\": [{names}]}}\n";
    }

    /// <summary>A JSON string literal with everything outside printable ASCII escaped, as <c>ensure_ascii</c> does.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
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
                // Surrogate pairs stay two escapes, as Python's.
                case < ' ' or > '~': json.Append($"\\u{(int)c:x4}"); break;
                default: json.Append(c); break;
            }
        }
        return json.Append('"').ToString();
    }
}
