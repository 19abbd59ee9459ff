/// Map-only: each line's offset in the task's stdin, and the line.
IEnumerable<(long, string)> Map(long offset, string line)
{
    yield return (offset, line);
}
