using System.Globalization;

namespace Hdnr.Formats.Shuffle;

/// <summary>Hadoop's key field options (<c>-k pos1[,pos2] -n -r</c>) over keys whose fields a separator cuts, as KeyFieldHelper parses them and finds the bytes each <c>-k</c> selects; shared by <see cref="KeyFieldPartitioner"/> and <see cref="KeyFieldOrder"/>.</summary>
/// <remarks>
/// Hadoop's quirks are kept because they decide which bytes are hashed and compared: a field after the first starts one
/// byte after its separator whatever the separator's length (getWordLengths), a selection whose start is past the key
/// selects nothing, and one whose end is past the key runs to the key's end.
/// </remarks>
public sealed class KeyFieldOptions
{
    private readonly byte[] _separator;

    private KeyFieldOptions(byte[] separator, IReadOnlyList<KeyFieldSpec> specs, bool fieldsSeen)
    {
        _separator = separator;
        Specs = specs;
        FieldsSeen = fieldsSeen;
    }

    /// <summary>The selections, in the order given; empty when the options were unset or empty.</summary>
    public IReadOnlyList<KeyFieldSpec> Specs { get; }

    /// <summary>Whether a <c>-k</c> was given; without one the whole key is a single field.</summary>
    public bool FieldsSeen { get; }

    /// <summary>The field separator (<c>mapreduce.map.output.key.field.separator</c>), as UTF-8.</summary>
    public ReadOnlySpan<byte> Separator => _separator;

    /// <summary>Parses <paramref name="options"/> as KeyFieldHelper.parseOption does: whitespace-separated <c>-n</c>, <c>-r</c>, <c>-nr</c> (for every <c>-k</c> without options of its own) and <c>-kPOS1[,POS2]</c> or <c>-k POS1[,POS2]</c>; other words are ignored, as Hadoop ignores them.</summary>
    /// <exception cref="FormatException">A <c>-k</c> Hadoop cannot parse (its task would fail).</exception>
    public static KeyFieldOptions Parse(string? options, string separator)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(separator);
        if (string.IsNullOrEmpty(options)) return new(bytes, [], false);
        var words = options.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries);
        bool numeric = false, reverse = false;
        var specs = new List<KeyFieldSpec>();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word is "-n" or "-nr") numeric = true;
            if (word is "-r" or "-nr") reverse = true;
            if (!word.StartsWith("-k", StringComparison.Ordinal)) continue;
            var text = word.Length == 2 ? (i + 1 < words.Length ? words[++i] : null) : word[2..];
            if (!string.IsNullOrEmpty(text)) specs.Add(ParseKey(text));
        }
        var seen = specs.Count > 0;
        // A -k with no ordering options of its own takes the global ones (KeyFieldHelper.parseOption).
        var all = specs.Select(k => k.Numeric || k.Reverse ? k : k with { Numeric = numeric, Reverse = reverse }).ToList();
        if (all.Count == 0) all.Add(new KeyFieldSpec(Numeric: numeric, Reverse: reverse));
        return new(bytes, all, seen);
    }

    /// <summary>The deprecated <c>num.key.fields.for.partition</c>: fields 1 to <paramref name="fields"/> (KeyFieldHelper.setKeyFieldSpec); nothing when it is below 1.</summary>
    public static KeyFieldOptions FirstFields(int fields, string separator)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(separator);
        return fields >= 1 ? new(bytes, [new KeyFieldSpec(EndField: fields)], true) : new(bytes, [], false);
    }

    // "1[.3][nr][,1.5][nr]", tokenized at n, r, '.' and ',' as Hadoop's StringTokenizer does.
    private static KeyFieldSpec ParseKey(string text)
    {
        var tokens = Tokens(text);
        var at = 0;
        string? Next() => at < tokens.Count ? tokens[at++] : null;
        string Required() => Next() ?? throw Invalid(text);
        var key = new KeyFieldSpec(BeginField: Number(Required(), text));
        var token = Next();
        if (token is null) return key;
        if (token == ".")
        {
            key = key with { BeginChar = Number(Required(), text) };
            token = Next();
            if (token is null) return key;
        }
        while (token is "n" or "r")
        {
            key = token == "n" ? key with { Numeric = true } : key with { Reverse = true };
            token = Next();
            if (token is null) return key;
        }
        if (token != ",") throw Invalid(text);
        key = key with { EndField = Number(Required(), text) };
        token = Next();
        if (token is null) return key;
        if (token == ".")
        {
            key = key with { EndChar = Number(Required(), text) };
            token = Next();
            if (token is null) return key;
        }
        while (token is not null)
        {
            if (token == "n") key = key with { Numeric = true };
            else if (token == "r") key = key with { Reverse = true };
            else throw Invalid(text);
            token = Next();
        }
        return key;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !"nr.,".Contains(text[i], StringComparison.Ordinal)) continue;
            if (i > start) tokens.Add(text[start..i]);
            if (i < text.Length) tokens.Add(text[i].ToString());
            start = i + 1;
        }
        return tokens;
    }

    private static int Number(string token, string text) =>
        int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw Invalid(text);

    private static FormatException Invalid(string text) =>
        new($"-k{text} is not of the form -k pos1[,pos2], where pos is f[.c][nr]");

    /// <summary>The start (inclusive) and end (inclusive) of the bytes <paramref name="spec"/> selects in <paramref name="key"/>; start is -1 when it selects nothing, and end may lie before start (an empty field).</summary>
    /// <param name="fieldEnds">Where each field of <paramref name="key"/> ends, from <see cref="FieldLengths"/>.</param>
    public (int Start, int End) Select(ReadOnlySpan<byte> key, ReadOnlySpan<int> fieldEnds, KeyFieldSpec spec)
    {
        var fields = fieldEnds[0];
        var start = -1;
        if (fields >= spec.BeginField)
        {
            var position = 0;
            for (var i = 1; i < spec.BeginField; i++) position += fieldEnds[i] + _separator.Length;
            if (position + spec.BeginChar <= key.Length) start = position + spec.BeginChar - 1;
        }
        var end = key.Length - 1;
        if (spec.EndField != 0 && fields >= spec.EndField)
        {
            var position = 0;
            int i;
            for (i = 1; i < spec.EndField; i++) position += fieldEnds[i] + _separator.Length;
            if (spec.EndChar == 0) position += fieldEnds[i];
            if (position + spec.EndChar <= key.Length) end = position + spec.EndChar - 1;
        }
        return (start, end);
    }

    /// <summary>Fills <paramref name="lengths"/> as KeyFieldHelper.getWordLengths: [0] the number of fields, then each field's length (a last empty field 0); returns false when <paramref name="lengths"/> is too short for the key's fields.</summary>
    public bool FieldLengths(ReadOnlySpan<byte> key, Span<int> lengths)
    {
        lengths.Clear();
        if (!FieldsSeen)
        {
            lengths[0] = 1;
            return true;
        }
        var count = 1;
        var start = 0;
        // An empty separator matches everywhere; past the key's end Hadoop's search finds nothing more.
        while (start <= key.Length)
        {
            var found = key[start..].IndexOf(_separator);
            if (found < 0) break;
            if (++count >= lengths.Length) return false;
            lengths[count - 1] = found;
            // Hadoop's next field starts one byte after a separator of any length.
            start += found + 1;
        }
        if (start != key.Length) lengths[count] = key.Length - start;
        lengths[0] = count;
        return true;
    }
}
