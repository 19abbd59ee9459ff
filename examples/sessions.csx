/// Sessions per user: a user's page views in time order, cut into sessions where 30 minutes pass without one.
/// Input lines: user TAB unix-seconds TAB page, in any order. Output: user TAB first-last TAB pages of one session.
/// [SortValues] hands Reduce each user's views ordered by time (a record sorts as its members), streamed: no user's views are held in memory.
record View(long Time, string Page);

IEnumerable<(string, View)> Map(long offset, string line)
{
    var fields = line.Split('\t');
    if (fields.Length == 3) yield return (fields[0], new View(long.Parse(fields[1], CultureInfo.InvariantCulture), fields[2]));
}

[SortValues]
IEnumerable<(string, string)> Reduce(string user, IEnumerable<View> views)
{
    const long Gap = 30 * 60;
    long first = 0, last = 0;
    var pages = new List<string>();
    foreach (var (time, page) in views)
    {
        if (pages.Count > 0 && time - last > Gap)
        {
            yield return (user, $"{first}-{last}\t{string.Join(",", pages)}");
            pages.Clear();
        }
        if (pages.Count == 0) first = time;
        last = time;
        pages.Add(page);
    }
    yield return (user, $"{first}-{last}\t{string.Join(",", pages)}");
}
