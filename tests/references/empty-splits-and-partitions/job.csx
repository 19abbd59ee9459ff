/// Map and reduce tasks that write pairs at their end too: Hadoop drops what a task writes when it got no record.
var lines = 0;
var groups = 0;

IEnumerable<(string, long)> Map(long offset, string line)
{
    lines++;
    yield return (line, 1);
}

IEnumerable<(string, long)> MapEnd()
{
    yield return ("map-end", lines);
}

IEnumerable<(string, long)> Reduce(string key, IEnumerable<long> counts)
{
    groups++;
    yield return (key, counts.Sum());
}

IEnumerable<(string, long)> ReduceEnd()
{
    yield return ("reduce-end", groups);
}
