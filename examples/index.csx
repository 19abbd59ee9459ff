/// Inverted index: each word with the sorted list of files it occurs in.
/// [SortValues] gives Reduce a word's file names in byte order, so equal names come together and are written once.
IEnumerable<(string, string)> Map(long offset, string line)
{
    var file = Path.GetFileName(Context.InputFile) ?? "";
    foreach (var word in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        yield return (word.ToLowerInvariant(), file);
}

[SortValues]
IEnumerable<(string, string)> Reduce(string word, IEnumerable<string> files)
{
    var list = new List<string>();
    foreach (var file in files)
        if (list.Count == 0 || list[^1] != file) list.Add(file);
    yield return (word, string.Join(",", list));
}
