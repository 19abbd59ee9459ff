namespace Hdnr.Scripting.Directives;

/// <summary>Reads a script's header (directives and doc comment) without Roslyn, so a cache hit never loads the compiler.</summary>
/// <remarks>
/// C# only allows <c>#r</c> and <c>#load</c> before the first code token, so scanning stops there.
/// The header may hold, in any order: a <c>#!</c> first line, blank lines, <c>#r</c>/<c>#load</c> and other
/// preprocessor lines, <c>//</c> and <c>/* */</c> comments, and doc comments. The doc is the first documentation
/// comment of the header: a run of consecutive <c>///</c> lines (each without its <c>///</c> and one following space)
/// or one <c>/** */</c> block (each line without its leading <c>*</c> and one following space, blank first and
/// last lines dropped). Lines are joined with <c>\n</c>. Directives before or after the doc are allowed and skipped.
/// </remarks>
internal static class HeaderScanner
{
    public static ScriptHeader Scan(string text)
    {
        var directives = new List<Directive>();
        List<string>? doc = null;
        // A /// run is the doc only while it is unbroken; any other line closes it.
        var docRunOpen = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (i == 0 && line.StartsWith('\uFEFF'))
                line = line[1..];
            var trimmed = line.TrimStart();
            if (IsTripleSlash(trimmed))
            {
                if (doc is null)
                {
                    doc = [];
                    docRunOpen = true;
                }
                if (docRunOpen)
                    doc.Add(StripOneSpace(trimmed[3..]));
                continue;
            }
            docRunOpen = false;
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
                continue;
            if (trimmed.StartsWith("/*", StringComparison.Ordinal))
            {
                var block = ReadBlockComment(lines, ref i, line.Length - trimmed.Length, out var rest);
                if (doc is null && block is not null)
                    doc = block;
                if (rest.Length > 0 && !rest.StartsWith("//", StringComparison.Ordinal))
                    break;
                continue;
            }
            if (trimmed[0] == '#')
            {
                if (i == 0 && trimmed.StartsWith("#!", StringComparison.Ordinal))
                    continue;
                if (ParseDirective(trimmed, i + 1) is { } directive)
                    directives.Add(directive);
                // Other preprocessor lines (#nullable, #define, ...) are trivia, not code tokens.
                continue;
            }
            break;
        }
        return new ScriptHeader(directives, doc is null ? "" : string.Join('\n', doc));
    }

    private static bool IsTripleSlash(string trimmed) =>
        trimmed.StartsWith("///", StringComparison.Ordinal) && !trimmed.StartsWith("////", StringComparison.Ordinal);

    private static string StripOneSpace(string text) => text.StartsWith(' ') ? text[1..] : text;

    /// <summary>Reads a block comment starting at <paramref name="start"/> of line <paramref name="index"/>; returns its doc lines when it is a /** */ comment.</summary>
    private static List<string>? ReadBlockComment(string[] lines, ref int index, int start, out string rest)
    {
        var first = lines[index].TrimEnd('\r');
        var isDoc = first.AsSpan(start).StartsWith("/**") && !first.AsSpan(start).StartsWith("/**/");
        var body = new List<string>();
        var text = first[(start + (isDoc ? 3 : 2))..];
        while (true)
        {
            var end = text.IndexOf("*/", StringComparison.Ordinal);
            if (end >= 0)
            {
                body.Add(text[..end]);
                rest = text[(end + 2)..].Trim();
                break;
            }
            body.Add(text);
            if (index + 1 >= lines.Length)
            {
                rest = "";
                break;
            }
            text = lines[++index].TrimEnd('\r');
        }
        if (!isDoc)
            return null;
        var doc = new List<string>(body.Count);
        for (var j = 0; j < body.Count; j++)
        {
            var line = body[j];
            if (j > 0)
            {
                line = line.TrimStart();
                if (line.StartsWith('*'))
                    line = line[1..];
            }
            doc.Add(StripOneSpace(line).TrimEnd());
        }
        if (doc.Count > 0 && doc[^1].Length == 0)
            doc.RemoveAt(doc.Count - 1);
        if (doc.Count > 0 && doc[0].Length == 0)
            doc.RemoveAt(0);
        return doc;
    }

    private static Directive? ParseDirective(string trimmed, int line)
    {
        // C# allows blanks between '#' and the directive name.
        var text = trimmed.AsSpan(1).TrimStart();
        DirectiveKind kind;
        if (StartsWithWord(text, "r"))
        {
            kind = DirectiveKind.Reference;
            text = text[1..];
        }
        else if (StartsWithWord(text, "load"))
        {
            kind = DirectiveKind.Load;
            text = text[4..];
        }
        else
        {
            return null;
        }
        text = text.TrimStart();
        if (text.Length == 0 || text[0] != '"')
            return null;
        var close = text[1..].IndexOf('"');
        return close < 0 ? null : new Directive(kind, text.Slice(1, close).ToString(), line);
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.Ordinal)
        && (text.Length == word.Length || text[word.Length] == '"' || char.IsWhiteSpace(text[word.Length]));
}
