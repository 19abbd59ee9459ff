/// Map-only over SequenceFileAsTextInputFormat: a SequenceFile of Text pairs read as text; Map gets each Writable's text, cut at the first tab as any streaming mapper cuts its stdin.
IEnumerable<(string, string)> Map(string key, string value)
{
    yield return ($"[{key}]", $"[{value}]");
}
