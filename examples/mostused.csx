/// Most used word, in two steps (mrjob's MRMostUsedWord): step 1 counts each word (lower case, letters and
/// apostrophes) with a combiner; step 2, on one reducer, keeps the word with the highest count, the first in
/// ordinal order among words of that count.
///     in: The cat and the hat.
///     in: A cat, the bat.
///     out: the	3
using System.Text.RegularExpressions;

Regex Word = new("[a-z']+");

// Step 1: count each word.
IEnumerable<(string, int)> Map(long offset, string line)
{
    foreach (Match word in Word.Matches(line.ToLowerInvariant()))
        yield return (word.Value, 1);
}

IEnumerable<(string, int)> Combine(string word, IEnumerable<int> counts)
{
    yield return (word, counts.Sum());
}

// Every count under one key, so that step 2's single reduce call sees them all.
IEnumerable<(string, (int, string))> Reduce(string word, IEnumerable<int> counts)
{
    yield return ("", (counts.Sum(), word));
}

// Step 2: step 1's pairs, as they were typed, pass through an identity map to one reducer.
[Reducers(1)]
IEnumerable<(string, int)> Reduce2(string none, IEnumerable<(int Count, string Word)> counts)
{
    (int Count, string Word)? best = null;
    foreach (var (count, word) in counts)
        if (best is not { } b || count > b.Count || (count == b.Count && string.CompareOrdinal(word, b.Word) < 0))
            best = (count, word);
    if (best is { } most) yield return (most.Word, most.Count);
}
