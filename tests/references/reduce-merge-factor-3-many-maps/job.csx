/// Eleven input files, one map task each, with a sort factor of 3: the reduce task merges eleven map outputs. Each key
/// comes from one file, so its values keep that map task's order, which Hadoop fixes; the reducer lists them.
IEnumerable<(string, string)> Map(long offset, string line)
{
    for (var i = 0; i < 4; i++) yield return ($"{line[..3]}-{i % 2}", $"{line}.{i}");
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    yield return (key, string.Join(",", values));
}
