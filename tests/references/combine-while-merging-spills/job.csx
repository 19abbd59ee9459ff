/// Each line becomes 12000 pairs; a combiner sums each key's counts, and the reducer lists the sums it receives:
/// one per key when the map task combined its spills again as it merged them.
IEnumerable<(string, long)> Map(long offset, string line)
{
    for (var i = 0; i < 12000; i++) yield return ($"k{i % 5}", 1);
}

IEnumerable<(string, long)> Combine(string key, IEnumerable<long> counts)
{
    yield return (key, counts.Sum());
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<long> sums)
{
    yield return (key, string.Join(",", sums));
}
