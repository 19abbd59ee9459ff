/// TextInputFormat with stream.map.input.ignoreKey=false and a two-byte stream.map.input.field.separator: the mapper's stdin holds offset::line, and Map gets the offset as its key.
IEnumerable<(string, string)> Map(string key, string value)
{
    yield return ($"[{key}]", $"[{value}]");
}
