/// Map-only over NLineInputFormat: a map task (so a part file) per 2 lines; Map gets each line's file offset as its key.
IEnumerable<(string, long)> Map(long offset, string line)
{
    yield return (line, offset);
}
