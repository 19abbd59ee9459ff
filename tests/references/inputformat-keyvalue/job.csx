/// Map-only over KeyValueTextInputFormat: Map gets each line's key and value, cut at the separator's first character.
IEnumerable<(string, string)> Map(string key, string value)
{
    yield return ($"[{key}]", $"[{value}]");
}
