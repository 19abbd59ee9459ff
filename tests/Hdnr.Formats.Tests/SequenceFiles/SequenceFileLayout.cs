using Hdnr.Formats.SequenceFiles;

namespace Hdnr.Formats.Tests.SequenceFiles;

/// <summary>A SequenceFile's records and the sync marker each follows, found apart from the split reader: the model Hadoop's split rule is checked against.</summary>
/// <remarks>
/// A record's marker is the last one that starts before the record ends (in a BLOCK file, its block's); the records
/// before the first marker count as following the header's end. Hadoop's rule, restated: a split [start, end) reads
/// exactly the records whose marker starts in it.
/// </remarks>
internal sealed class SequenceFileLayout
{
    // Each record's marker, in record order, for finding a split's records by binary search.
    private readonly long[] _markerOf;

    // Each record's key and value bytes, compared in place with what the split reader reads.
    private readonly IReadOnlyList<(byte[] Key, byte[] Value)> _pairs;

    private SequenceFileLayout(string path, string? codec, long length, long dataOffset, IReadOnlyList<long> markers, IReadOnlyList<(string Record, long Marker)> records, IReadOnlyList<(byte[] Key, byte[] Value)> pairs)
    {
        Path = path;
        Codec = codec;
        Length = length;
        DataOffset = dataOffset;
        Markers = markers;
        Records = records;
        _markerOf = records.Select(r => r.Marker).ToArray();
        _pairs = pairs;
    }

    public string Path { get; }

    /// <summary>The compression codec's class name, if any.</summary>
    public string? Codec { get; }

    public long Length { get; }

    /// <summary>Where the header ends.</summary>
    public long DataOffset { get; }

    /// <summary>Where each sync marker (its escape) starts, after the header.</summary>
    public IReadOnlyList<long> Markers { get; }

    /// <summary>Every record (key and value as hex typed bytes) with the marker it follows.</summary>
    public IReadOnlyList<(string Record, long Marker)> Records { get; }

    public static SequenceFileLayout Of(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var reader = SequenceFileReader.Open(path);
        var sync = reader.Header.Sync.Span;
        var markers = new List<long>();
        for (var at = (int)reader.Header.DataOffset; at + sync.Length <= bytes.Length; at++)
        {
            if (bytes.AsSpan(at, sync.Length).SequenceEqual(sync)) markers.Add(at - 4);
        }

        var records = new List<(string, long)>();
        var pairs = new List<(byte[], byte[])>();
        while (reader.TryReadTypedBytes(out var key, out var value))
        {
            var end = reader.Position;
            var marker = markers.LastOrDefault(m => m < end, reader.Header.DataOffset);
            records.Add((Convert.ToHexString(key) + Convert.ToHexString(value), Math.Max(marker, reader.Header.DataOffset)));
            pairs.Add((key.ToArray(), value.ToArray()));
        }

        // Markers that never go back, all inside the file, are what makes the records either side of every cut, read
        // by the model, every record once and in order: checked here once rather than per cut.
        Assert.True(records.Zip(records.Skip(1)).All(p => p.First.Item2 <= p.Second.Item2), $"{path}: record markers go back");
        Assert.All(records, r => Assert.InRange(r.Item2, reader.Header.DataOffset, bytes.Length - 1));
        return new SequenceFileLayout(path, reader.Header.CodecClassName, bytes.Length, reader.Header.DataOffset, markers, records, pairs);
    }

    /// <summary>The records the split [start, end) should read.</summary>
    public List<string> Expected(long start, long end)
    {
        var (first, last) = (FirstFrom(start), FirstFrom(end));
        return Records.Skip(first).Take(last - first).Select(r => r.Record).ToList();
    }

    /// <summary>The records the engine's split reader reads for [start, end).</summary>
    public List<string> Read(long start, long end)
    {
        using var split = SequenceFileSplitReader.Open(Path, start, end - start);
        var records = new List<string>();
        while (split.TryReadTypedBytes(out var key, out var value)) records.Add(Convert.ToHexString(key) + Convert.ToHexString(value));
        return records;
    }

    /// <summary>How the engine's split reader's records for [start, end) differ from <see cref="Expected"/>, or null when they are the same, compared without copying them.</summary>
    public string? Mismatch(long start, long end)
    {
        var (first, last) = (FirstFrom(start), FirstFrom(end));
        var split = $"{System.IO.Path.GetFileName(Path)}: the split [{start}, {end})";
        using var reader = SequenceFileSplitReader.Open(Path, start, end - start);
        var at = first;
        while (reader.TryReadTypedBytes(out var key, out var value))
        {
            if (at == last) return $"{split} reads more than records {first} to {last - 1}";
            if (!key.SequenceEqual(_pairs[at].Key) || !value.SequenceEqual(_pairs[at].Value)) return $"{split} reads another pair where record {at} should be";
            at++;
        }

        return at == last ? null : $"{split} reads records {first} to {at - 1}, not to {last - 1}";
    }

    // The index of the first record whose marker starts at or after offset (markers never go back).
    private int FirstFrom(long offset)
    {
        var at = Array.BinarySearch(_markerOf, offset);
        if (at < 0) return ~at;
        while (at > 0 && _markerOf[at - 1] == offset) at--;
        return at;
    }

    /// <summary>Every offset from the file's start to its end, both included.</summary>
    public IEnumerable<long> EveryOffset() => Enumerable.Range(0, (int)Length + 1).Select(i => (long)i);

    /// <summary>Where Hadoop's rules turn (around the header's end, the first <paramref name="markers"/> markers, the last marker and the file's end), and one offset every <paramref name="every"/> bytes.</summary>
    public IEnumerable<long> Offsets(int every, int markers = int.MaxValue)
    {
        // A start 1 to 19 bytes into a marker skips it; a start 20 bytes or less from the end finds none.
        long[] aroundMarker = [-1, 0, 1, 4, 16, 19, 20, 21];
        var turns = Markers.Take(markers).Concat(Markers.TakeLast(1)).SelectMany(m => aroundMarker.Select(d => m + d))
            .Concat([DataOffset - 1, DataOffset, DataOffset + 1])
            .Concat(new long[] { 0, 1, 19, 20, 21 }.Select(d => Length - d));
        var spread = Enumerable.Range(0, (int)(Length / every) + 1).Select(i => (long)i * every);
        return turns.Concat(spread).Where(c => c >= 0 && c <= Length).Distinct().Order();
    }
}
