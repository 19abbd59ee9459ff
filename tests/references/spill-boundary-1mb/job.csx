/// Each line becomes 5700 pairs; a combiner counts each key's pairs per spill, and the reducer lists those counts.
IEnumerable<(string, string)> Map(long offset, string line)
{
    for (var i = 0; i < 5700; i++) yield return ($"k{i % 5}", (i % 97).ToString());
}

IEnumerable<(string, string)> Combine(string key, IEnumerable<string> values)
{
    yield return (key, values.Count().ToString());
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    yield return (key, string.Join(",", values));
}
