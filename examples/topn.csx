/// Top N per group: the 2 best-scoring items of each category.
/// Input lines: category TAB item TAB score. [SortValues(Descending = true)] gives Reduce each category's
/// (score, item) values largest first, so it reads two and stops.
IEnumerable<(string, (long, string))> Map(long offset, string line)
{
    var fields = line.Split('\t');
    yield return (fields[0], (long.Parse(fields[2], CultureInfo.InvariantCulture), fields[1]));
}

[SortValues(Descending = true)]
IEnumerable<(string, string)> Reduce(string category, IEnumerable<(long Score, string Item)> items)
{
    foreach (var (score, item) in items.Take(2))
        yield return (category, $"{item}\t{score}");
}
