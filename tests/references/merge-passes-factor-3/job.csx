/// Each line becomes 2000 small pairs of five keys, so a 1 MiB sort buffer spills eight times and a sort factor of 3
/// merges the spills in three passes; the reducer shows each key's values in the order it got them: how many, the
/// first and last five, and a hash of all of them in order.
IEnumerable<(string, string)> Map(long offset, string line)
{
    for (var i = 0; i < 2000; i++) yield return ($"k{i % 5}", $"{line}.{i}");
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    var all = values.ToList();
    var hash = 14695981039346656037UL;
    foreach (var b in System.Text.Encoding.UTF8.GetBytes(string.Join(",", all))) hash = (hash ^ b) * 1099511628211UL;
    yield return (key, $"{all.Count} first {string.Join(",", all.Take(5))} last {string.Join(",", all.TakeLast(5))} fnv {hash:x16}");
}
