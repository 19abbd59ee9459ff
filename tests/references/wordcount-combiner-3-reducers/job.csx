/// Word count: counts how often each word occurs in the input.
/// Words are runs of characters between white space; case is kept.
IEnumerable<(string, int)> Map(long offset, string line)
{
    foreach (var word in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        yield return (word, 1);
}

IEnumerable<(string, int)> Combine(string word, IEnumerable<int> counts)
{
    yield return (word, counts.Sum());
}

IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
{
    yield return (word, counts.Sum());
}
