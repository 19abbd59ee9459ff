/// Splits each line at its first space into key and value (a line without one is all key) and writes every pair back.
IEnumerable<(string, string)> Map(long offset, string line)
{
    var space = line.IndexOf(' ');
    yield return space < 0 ? (line, "") : (line[..space], line[(space + 1)..]);
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    foreach (var v in values) yield return (key, v);
}
