/// Each map task counts its lines and characters and writes them at its end, under its first line's number: the
/// output shows where Hadoop cut the input into 64 KB splits (fs.local.block.size) and what each map task read.
string? first = null;
long lines = 0, chars = 0;

IEnumerable<(string, string)> Map(long offset, string line)
{
    first ??= string.Join(' ', line.Split(' ').Take(2));
    lines++;
    chars += line.Length;
    yield break;
}

IEnumerable<(string, string)> MapEnd()
{
    yield return (first ?? "no line", $"{lines} lines, {chars} chars");
}

IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
{
    yield return (key, string.Join(" | ", values));
}
