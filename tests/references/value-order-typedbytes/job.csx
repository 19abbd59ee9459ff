/// Identity on "key TAB value" lines: each key's values in the order the reducer receives them.
IEnumerable<(string, string)> Map(long offset, string line)
{
    var tab = line.IndexOf('\t');
    yield return (line[..tab], line[(tab + 1)..]);
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    yield return (key, string.Join(",", values));
}
