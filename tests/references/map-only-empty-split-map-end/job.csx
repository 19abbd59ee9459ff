/// A map-only job whose map tasks write a pair at their end: Hadoop collects it from a task with an empty split too.
var lines = 0;

IEnumerable<(string, long)> Map(long offset, string line)
{
    lines++;
    yield return (line, 1);
}

IEnumerable<(string, long)> MapEnd()
{
    yield return ("map-end", lines);
}
