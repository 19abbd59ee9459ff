namespace Hdnr.Runtime.Wire;

/// <summary>Where Hadoop streaming cuts a text line into key and value: before the <see cref="Count"/>-th <see cref="Separator"/> (TextOutputReader), a line with fewer being all key with an empty value.</summary>
/// <remarks>
/// A map task's output is cut by <c>stream.map.output.field.separator</c> and <c>stream.num.map.output.key.fields</c>,
/// a reduce or combine task's (a combiner is Hadoop's PipeReducer) by <c>stream.reduce.output.field.separator</c> and
/// <c>stream.num.reduce.output.key.fields</c>. A count below 1 reads as 1, as Hadoop's loop does.
/// </remarks>
public sealed class KeyFields
{
    private readonly byte[] _separator;

    /// <summary>A tab, one field: Hadoop's default.</summary>
    public static KeyFields Default { get; } = new([(byte)'\t'], 1);

    /// <summary>Key fields cut by <paramref name="separator"/> (UTF-8), <paramref name="count"/> of them in a key.</summary>
    public KeyFields(byte[] separator, int count)
    {
        ArgumentNullException.ThrowIfNull(separator);
        _separator = separator;
        Count = Math.Max(1, count);
    }

    /// <summary>The separator, as UTF-8.</summary>
    public ReadOnlySpan<byte> Separator => _separator;

    /// <summary>The number of fields a key holds.</summary>
    public int Count { get; }

    /// <summary>Whether this is Hadoop's default, a tab and one field, which the fast paths handle on their own.</summary>
    public bool IsDefault => Count == 1 && _separator is [(byte)'\t'];

    /// <summary>Where the separator that ends the key starts in <paramref name="line"/>, or -1 when the whole line is the key.</summary>
    public int KeyEnd(ReadOnlySpan<byte> line)
    {
        var at = line.IndexOf(_separator);
        for (var k = 1; k < Count && at >= 0; k++)
        {
            var next = line[(at + _separator.Length)..].IndexOf(_separator);
            at = next < 0 ? -1 : at + _separator.Length + next;
        }
        return at;
    }

    /// <summary>Where the key ends in a line Hadoop wrote on a reduce or combine task's stdin (key, <paramref name="inputSeparator"/>, value), the key being a map output key cut by these fields; -1 when the line has no separator.</summary>
    /// <remarks>
    /// The key is the text up to the first <paramref name="inputSeparator"/> after the key's first <see cref="Count"/> - 1
    /// separators. When there are fewer, the map output line had fewer fields, so its value is empty and the key ends at
    /// the line's last input separator. With the default tab, one field, this is the first tab.
    /// </remarks>
    public int KeyEnd(ReadOnlySpan<byte> line, ReadOnlySpan<byte> inputSeparator)
    {
        var from = 0;
        for (var k = 1; k < Count && from >= 0; k++)
        {
            var next = line[from..].IndexOf(_separator);
            from = next < 0 ? -1 : from + next + _separator.Length;
        }
        if (from >= 0)
        {
            var next = line[from..].IndexOf(inputSeparator);
            if (next >= 0) return from + next;
        }
        return line.LastIndexOf(inputSeparator);
    }
}
