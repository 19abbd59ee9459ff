/// Keys only: keyonlytext gives each line as a key; the reducer prefixes each with x and a tab.
IEnumerable<(string, string)> Map(string key, string value) { yield return (key, value); }
IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values) { foreach (var v in values) yield return ("x\t" + key, v); }
