/// StreamXmlRecordReader: records from <page> through </page>, across split boundaries; the mapper's stdin holds each record as its key, so a record's lines reach Map one by one.
IEnumerable<(string, string)> Map(string key, string value)
{
    yield return ($"[{key}]", $"[{value}]");
}
