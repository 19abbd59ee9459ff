// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
using System.Reflection;

namespace Hdnr.Engine.Settings;

/// <summary>What Hadoop 2.8.5's job configuration holds before a job sets anything, and the names it holds a setting under, read from data generated from a real Hadoop (<c>scripts/hadoop-task-environment.sh</c>).</summary>
public static class HadoopConfiguration
{
    private static readonly Lazy<IReadOnlyList<(string Name, string Value, string Tasks)>> TaskDefaults =
        new(() => Rows("HadoopTaskEnvironment.tsv").Select(r => (r[0], Unescape(r[1]), r[2])).ToList());

    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> Deprecated =
        new(() => Rows("HadoopDeprecatedNames.tsv").ToDictionary(r => r[0], r => r[1..], StringComparer.Ordinal));

    /// <summary>The variables Hadoop Streaming gives every map task (or every reduce task) whatever the job, as variable name and value, <c>${user.name}</c> and <c>${user.home}</c> filled in.</summary>
    public static IEnumerable<KeyValuePair<string, string>> TaskEnvironment(bool isMap, string userName, string userHome) =>
        TaskDefaults.Value.Where(d => d.Tasks == "both" || d.Tasks == (isMap ? "map" : "reduce"))
            .Select(d => KeyValuePair.Create(d.Name, d.Value.Replace("${user.name}", userName, StringComparison.Ordinal)
                .Replace("${user.home}", userHome, StringComparison.Ordinal)));

    /// <summary>The names a job's configuration holds <paramref name="key"/> under: its current names when it is deprecated (as Configuration stores a deprecated key given with <c>-D</c>), else the key itself.</summary>
    public static IReadOnlyList<string> StoredNames(string key) =>
        Deprecated.Value.TryGetValue(key, out var current) ? current : [key];

    // A value as the table writes it on one line: \\ for a backslash, \n for a line end.
    private static string Unescape(string value)
    {
        if (!value.Contains('\\')) return value;
        var text = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length) text.Append(value[++i] == 'n' ? '\n' : value[i]);
            else text.Append(value[i]);
        }
        return text.ToString();
    }

    // Tab-separated rows of an embedded table; lines starting with # are comments.
    private static IEnumerable<string[]> Rows(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Hdnr.Engine.Settings." + resource)
            ?? throw new InvalidOperationException($"hdnr was built without its {resource}");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') rows.Add(line.Split('\t'));
        return rows;
    }
}
