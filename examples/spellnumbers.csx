#r "nuget: Humanizer.Core, 2.14.1"
/// Spelled numbers: spells every number of the input in English words
/// with the Humanizer NuGet package, and counts how often each word is used.
using Humanizer;

IEnumerable<(string, int)> Map(long offset, string line)
{
    foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        if (long.TryParse(token, out var number))
            foreach (var word in number.ToWords().Split(' ', '-'))
                yield return (word, 1);
}

IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
{
    yield return (word, counts.Sum());
}
