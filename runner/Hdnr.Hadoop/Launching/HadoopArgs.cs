namespace Hdnr.Hadoop.Launching;

/// <summary>Writes a command for <c>-mapper</c>, <c>-reducer</c> and <c>-combiner</c>, which Hadoop splits itself (no shell): at white space outside quotes, each quote character dropped, no escapes.</summary>
public static class HadoopArgs
{
    /// <summary>The words of a command joined so that Hadoop's splitting gives them back.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    /// <summary>One word: bare when it has no white space or quotes; else in double quotes, or single quotes when it holds a double quote.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && !word.Any(c => char.IsWhiteSpace(c) || c is '"' or '\''))
            return word;
        if (!word.Contains('"')) return $"\"{word}\"";
        if (!word.Contains('\'')) return $"'{word}'";
        throw new HadoopToolException($"'{word}' holds both kinds of quote, which Hadoop's splitting of task commands cannot carry; rename it");
    }

    /// <summary>Hadoop Streaming's own splitting of a task command (PipeMapRed), for tests and checks.</summary>
    public static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        char quote = '\0';
        var inWord = false;
        foreach (var c in command)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
