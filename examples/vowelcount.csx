/// Vowel count: counts each vowel (a, e, i, o, u) in the input, ignoring case.
/// The vowels come from vowels.txt when that file is in the working directory
/// (ship it with --file vowels.txt, the classic distributed-cache example).
var vowels = File.Exists("vowels.txt") ? File.ReadAllText("vowels.txt").Trim().ToLowerInvariant() : "aeiou";

IEnumerable<(string, long)> Map(long offset, string line)
{
    foreach (var c in line.ToLowerInvariant())
        if (vowels.Contains(c))
            yield return (c.ToString(), 1L);
}

IEnumerable<(string, long)> Combine(string vowel, IEnumerable<long> counts)
{
    yield return (vowel, counts.Sum());
}

IEnumerable<(string, long)> Reduce(string vowel, IEnumerable<long> counts)
{
    yield return (vowel, counts.Sum());
}
