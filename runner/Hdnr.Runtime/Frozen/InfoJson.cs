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

    /// <summary>As <see cref="Of(string, IEnumerable{TaskKind})"/> for a script of <paramref name="steps"/>: step 1's tasks as <c>tasks</c>, and for a job of several steps each step's tasks and declared options, <c>"steps": [{"tasks": [...], "reducers": 1}, ...]</c>; a declared <c>[SortValues]</c> as <c>"sort_values"</c>, beside <c>tasks</c> for one step, in its step's object for several.</summary>
    public static string Of(string doc, IReadOnlyList<JobShape> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var line = Of(doc, steps[0].Tasks);
        if (steps.Count == 1) return steps[0].Sort is { } sort ? $"{line[..^2]}, {SortValues(sort)}}}\n" : line;
        var described = steps.Select(step =>
            $"{{\"tasks\": [{string.Join(", ", step.Tasks.Select(t => Quote(ScriptVerbs.Name(t))))}]"
            + (step.Reducers is { } reducers ? $", \"reducers\": {reducers.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")
            + (step.Sort is { } sort ? ", " + SortValues(sort) : "") + "}");
        return $"{line[..^2]}, \"steps\": [{string.Join(", ", described)}]}}\n";
    }

    // What [SortValues] declares, with the Hadoop options it runs with: the order, and the key field options of the partitioner and comparator.
    private static string SortValues(ValueSort sort) =>
        $"\"sort_values\": {{\"order\": {Quote(sort.Descending ? "descending" : "ascending")}, \"partitioner\": {Quote(sort.PartitionerOptions)}, \"comparator\": {Quote(sort.ComparatorOptions)}}}";

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
