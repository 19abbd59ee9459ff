/// A map-only job whose map output key is the line's first two ':'-separated fields: the script returns the key
/// as "f1:f2" and the rest as the value, and Hadoop writes the part file with a tab between key and value.
IEnumerable<(string, string)> Map(long offset, string line)
{
    var fields = line.Split(':', 3);
    yield return (string.Join(':', fields.Take(2)), fields.Length > 2 ? fields[2] : "");
}
