/// Sums a count per (group, score) key of two tab-separated fields: the map output key is "group<TAB>score"
/// (stream.num.map.output.key.fields=2), partitioned by the group and sorted by characters 2-3 of the group,
/// then by the score as a number, largest first (KeyFieldBasedComparator's own numerical compare).
IEnumerable<(string, long)> Map(long offset, string line)
{
    var fields = line.Split('\t');
    yield return ($"{fields[0]}\t{fields[1]}", long.Parse(fields[2]));
}

IEnumerable<(string, long)> Combine(string key, IEnumerable<long> counts)
{
    yield return (key, counts.Sum());
}

IEnumerable<(string, long)> Reduce(string key, IEnumerable<long> counts)
{
    yield return (key, counts.Sum());
}
