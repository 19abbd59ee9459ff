/// A combiner that keeps the first value it sees and counts the others: its output shows the order it read.
IEnumerable<(string, string)> Map(long offset, string line)
{
    var tab = line.IndexOf('\t');
    yield return (line[..tab], line[(tab + 1)..]);
}

IEnumerable<(string, string)> Combine(string key, IEnumerable<string> values)
{
    var all = values.ToList();
    yield return (key, $"{all[0]}+{all.Count - 1}");
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    yield return (key, string.Join(",", values));
}
