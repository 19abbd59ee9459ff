/// The "Hadoop Partitioner Class" example of Hadoop Streaming's documentation, with /bin/cat as mapper and reducer:
/// each line is a map output key of four '.'-separated fields and an empty value.
IEnumerable<(string, string)> Map(long offset, string line)
{
    yield return (line, "");
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    foreach (var value in values) yield return (key, value);
}
