using Hdnr.Formats.SequenceFiles;

namespace Hdnr.Formats.Tests.SequenceFiles;

/// <summary><see cref="SequenceFileReader.SeekToSync"/> and <see cref="SequenceFileReader.SyncSeen"/> behave as Hadoop's SequenceFile.Reader.sync and syncSeen.</summary>
public sealed class SyncMarkerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hdnr-sync-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Seeking_to_a_sync_lands_before_the_first_marker_that_starts_at_or_after_the_position()
    {
        var path = Write(SequenceFileCompression.None, 200);
        var (dataOffset, length, markers) = Layout(path);
        Assert.True(markers.Count >= 3, $"{markers.Count} markers");
        using var reader = SequenceFileReader.Open(path);

        for (var i = 0; i < markers.Count; i++)
        {
            var next = i + 1 < markers.Count ? markers[i + 1] : length;
            foreach (var (position, expected) in new[] { (markers[i] - 1, markers[i]), (markers[i], markers[i]), (markers[i] + 1, next), (markers[i] + 19, next) })
            {
                reader.SeekToSync(position);
                Assert.Equal(expected, reader.Position);
            }
        }

        // Within the header: the first record, with the header's marker counted as passed; within 20 bytes of the end: the end.
        reader.SeekToSync(dataOffset - 1);
        Assert.Equal((dataOffset, true), (reader.Position, reader.SyncSeen));
        reader.SeekToSync(length - 20);
        Assert.Equal(length, reader.Position);
        Assert.False(reader.TryReadTypedBytes(out _, out _));
    }

    [Fact]
    public void After_a_seek_to_a_sync_the_next_record_is_the_one_after_that_marker_and_has_passed_it()
    {
        var path = Write(SequenceFileCompression.None, 200);
        var marker = Layout(path).Markers[1];
        using var whole = SequenceFileReader.Open(path);
        var expected = new List<string>();
        while (whole.TryReadTypedBytes(out var key, out var value))
        {
            if (whole.Position > marker) expected.Add(Convert.ToHexString(key) + Convert.ToHexString(value));
        }

        using var reader = SequenceFileReader.Open(path);
        reader.SeekToSync(marker - 5);
        Assert.True(reader.TryReadTypedBytes(out var firstKey, out var firstValue));

        Assert.Equal(expected[0], Convert.ToHexString(firstKey) + Convert.ToHexString(firstValue));
        Assert.True(reader.SyncSeen);
        Assert.True(reader.TryReadTypedBytes(out _, out _));
        Assert.False(reader.SyncSeen);
    }

    [Theory]
    [InlineData(SequenceFileCompression.None)]
    [InlineData(SequenceFileCompression.Record)]
    [InlineData(SequenceFileCompression.Block)]
    public void A_sync_is_seen_by_the_record_right_after_each_marker_and_by_no_other(SequenceFileCompression compression)
    {
        // 30,000 records make three blocks of about 1 MB in a BLOCK file.
        var path = Write(compression, compression == SequenceFileCompression.Block ? 30_000 : 200);
        var markers = Layout(path).Markers;
        var seenAfter = SyncsSeenAfter(path);

        // Read from each marker (a block's, or an escape before a record), the record after it saw the sync.
        Assert.Equal(markers, seenAfter);
    }

    [SharedVectorsFact]
    public void Hadoopys_alice_file_sees_a_sync_exactly_at_its_markers()
    {
        var path = TestFiles.Shared("hadoop-written/wc-input-alice.tb");
        var markers = Layout(path).Markers;
        var seenAfter = SyncsSeenAfter(path);

        Assert.True(markers.Count > 100);
        Assert.Equal(markers, seenAfter);
    }

    // Where the reader was before each record that saw a sync.
    private static List<long> SyncsSeenAfter(string path)
    {
        using var reader = SequenceFileReader.Open(path);
        var seenAfter = new List<long>();
        var before = reader.Position;
        while (reader.TryReadTypedBytes(out _, out _))
        {
            if (reader.SyncSeen) seenAfter.Add(before);
            before = reader.Position;
        }

        return seenAfter;
    }

    // Where the header ends, the file's length, and where each sync marker's escape starts, found by looking for the header's marker bytes.
    private static (long DataOffset, long Length, List<long> Markers) Layout(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var reader = SequenceFileReader.Open(path);
        var sync = reader.Header.Sync.Span;
        var markers = new List<long>();
        for (var at = (int)reader.Header.DataOffset; at + sync.Length <= bytes.Length; at++)
        {
            if (bytes.AsSpan(at, sync.Length).SequenceEqual(sync)) markers.Add(at - 4);
        }

        return (reader.Header.DataOffset, bytes.Length, markers);
    }

    private string Write(SequenceFileCompression compression, int records)
    {
        var path = Path.Combine(_folder, $"{compression}-{records}.seq");
        var random = new Random(records);
        using var writer = SequenceFileWriter.Create(path, compression);
        for (var i = 0; i < records; i++)
        {
            writer.Append((long)i, $"record {i} " + string.Concat(Enumerable.Range(0, random.Next(0, 14)).Select(_ => random.Next(100_000).ToString("x") + " ")));
        }

        writer.Complete();
        return path;
    }
}
