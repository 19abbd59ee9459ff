namespace Hdnr.Cli;

/// <summary>One example of a script's doc: the input lines it gives the job and the output lines it expects, as <c>hdnr SCRIPT test</c> runs it.</summary>
/// <remarks>
/// In the doc, an example is a run of consecutive lines that start (after white space) with <c>in:</c> or <c>out:</c>;
/// what follows the colon and one space is the line, verbatim; an output line is the job's text output line, the key,
/// a tab and the value. Any other line ends the example, so one doc may hold several.
/// </remarks>
internal sealed record DocExample(int Number, IReadOnlyList<string> Input, IReadOnlyList<string> Expected)
{
    public static IReadOnlyList<DocExample> Parse(string doc)
    {
        var examples = new List<DocExample>();
        List<string>? input = null, expected = null;
        void Close()
        {
            if (input is not null) examples.Add(new DocExample(examples.Count + 1, input, expected!));
            input = expected = null;
        }
        foreach (var raw in doc.Split('\n'))
        {
            var line = raw.TrimStart();
            var isInput = line.StartsWith("in:", StringComparison.Ordinal);
            if (!isInput && !line.StartsWith("out:", StringComparison.Ordinal))
            {
                Close();
                continue;
            }
            // An in: after out: lines starts the next example.
            if (isInput && expected is { Count: > 0 }) Close();
            input ??= [];
            expected ??= [];
            var text = line[(isInput ? 3 : 4)..];
            (isInput ? input : expected).Add(text.StartsWith(' ') ? text[1..] : text);
        }
        Close();
        return examples;
    }
}
