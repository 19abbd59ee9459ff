/// Map output keys of two '.'-separated fields; Hadoop writes reduce stdin with ':' between key and value, and cuts the
/// reduce output at the second '|'. Two reducers by the second field; keys in reverse byte order (-r).
IEnumerable<(string, string)> Map(long offset, string line)
{
    var fields = line.Split('.', 3);
    yield return (string.Join('.', fields.Take(2)), fields.Length > 2 ? fields[2] : "");
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    yield return ($"{key}|r", string.Join(",", values));
}
