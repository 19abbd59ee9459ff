/// A map-only job whose tasks exit with code 3 after writing: with stream.non.zero.exit.is.failure=false Hadoop keeps what they wrote.
IEnumerable<(long, string)> Map(long offset, string line)
{
    yield return (offset, line);
}

IEnumerable<(string, string)> MapEnd()
{
    Console.Out.Flush();
    yield return ("end", "before exit");
    Environment.Exit(3);
}
