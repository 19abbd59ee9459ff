/// Identity over bytes: rawbytes hands a byte[] the bytes Hadoop wrote, and writes them back as they are.
IEnumerable<(byte[], byte[])> Map(byte[] key, byte[] value) { yield return (key, value); }
IEnumerable<(byte[], byte[])> Reduce(byte[] key, IEnumerable<byte[]> values) { foreach (var v in values) yield return (key, v); }
