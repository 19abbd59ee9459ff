namespace Hdnr.Formats.Shuffle;

/// <summary>Hadoop's KeyFieldBasedPartitioner over text keys: the fields the options select are hashed (<c>31 * hash + byte</c> from 0, bytes signed) and masked as HashPartitioner masks; without options, Java's String.hashCode of the key.</summary>
/// <remarks>
/// A key with no byte selected (empty, or fewer fields than every <c>-k</c> starts at) goes to reducer 0. Hadoop hashes
/// the key's String re-encoded as UTF-8: a key that is not valid UTF-8 hashes its bytes here.
/// </remarks>
public sealed class KeyFieldPartitioner(KeyFieldOptions options) : Partitioner
{
    /// <summary>The options it partitions by.</summary>
    public KeyFieldOptions Options { get; } = options;

    /// <inheritdoc/>
    public override int Partition(ReadOnlySpan<byte> serializedKey, int reducers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reducers, 1);
        return (Hash(serializedKey) & int.MaxValue) % reducers;
    }

    /// <summary>The hash Hadoop computes for <paramref name="key"/>, before masking.</summary>
    public int Hash(ReadOnlySpan<byte> key)
    {
        if (Options.Specs.Count == 0) return StringHash(key);
        if (key.IsEmpty) return 0;
        Span<int> small = stackalloc int[32];
        var lengths = small;
        while (!Options.FieldLengths(key, lengths)) lengths = new int[lengths.Length * 4];
        var hash = 0;
        foreach (var spec in Options.Specs)
        {
            var (start, end) = Options.Select(key, lengths, spec);
            if (start < 0) continue;
            for (var i = start; i <= end; i++) hash = unchecked((31 * hash) + (sbyte)key[i]);
        }
        return hash;
    }

    // Java's String.hashCode over the key decoded from UTF-8 (an invalid sequence decoding to U+FFFD, as Text.toString).
    private static int StringHash(ReadOnlySpan<byte> key)
    {
        var hash = 0;
        Span<char> units = stackalloc char[2];
        while (!key.IsEmpty)
        {
            System.Text.Rune.DecodeFromUtf8(key, out var rune, out var used);
            var count = rune.EncodeToUtf16(units);
            for (var i = 0; i < count; i++) hash = unchecked((31 * hash) + units[i]);
            key = key[used..];
        }
        return hash;
    }
}
