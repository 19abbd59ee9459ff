using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Hdnr.Formats.Counters;

/// <summary>A job's counters, summed over the successful task attempts as Hadoop's job counters are.</summary>
public sealed class JobCounters
{
    private readonly ConcurrentDictionary<(string Group, string Name), long> _values = new();

    /// <summary>Adds <paramref name="amount"/> to a counter.</summary>
    public void Add(string group, string name, long amount) => _values.AddOrUpdate((group, name), amount, (_, v) => v + amount);

    /// <summary>Adds <paramref name="amount"/> to <paramref name="counter"/>.</summary>
    public void Add(Counter counter, long amount) => Add(counter.Group, counter.Name, amount);

    /// <summary>A counter's value, 0 when never counted.</summary>
    public long this[Counter counter] => this[counter.Group, counter.Name];

    /// <summary>Adds every counter of <paramref name="other"/>.</summary>
    public void Add(JobCounters other)
    {
        foreach (var ((group, name), value) in other._values) Add(group, name, value);
    }

    /// <summary>A counter's value, 0 when never counted.</summary>
    public long this[string group, string name] => _values.TryGetValue((group, name), out var v) ? v : 0;

    /// <summary>Every counter in Hadoop's order: Hadoop's own first, as its job client prints them, then the other groups by name, each group's counters by name.</summary>
    public IReadOnlyList<(string Group, string Name, long Value)> All =>
        _values.Select(p => (p.Key.Group, p.Key.Name, p.Value))
            .OrderBy(c => Rank(c.Group, c.Name))
            .ThenBy(c => c.Group, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    private static int Rank(string group, string name)
    {
        for (var i = 0; i < HadoopCounters.Order.Count; i++)
            if (HadoopCounters.Order[i].Group == group && HadoopCounters.Order[i].Name == name) return i;
        return HadoopCounters.Order.Count;
    }

    /// <summary>The counters as Hadoop's job client prints them: <c>Counters: N</c>, then each group and <c>name=value</c> indented by tabs.</summary>
    public string Format()
    {
        var all = All;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Counters: {all.Count}\n");
        string? group = null;
        foreach (var (g, name, value) in all)
        {
            if (g != group) text.Append('\t').Append(group = g).Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"\t\t{name}={value}\n");
        }
        return text.ToString();
    }
}
