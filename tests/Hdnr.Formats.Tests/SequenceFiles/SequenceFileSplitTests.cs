using System.Buffers.Binary;
using Hdnr.Formats.Codecs;
using Hdnr.Formats.Input;
using Hdnr.Formats.SequenceFiles;

namespace Hdnr.Formats.Tests.SequenceFiles;

/// <summary>A SequenceFile split reads what Hadoop's SequenceFileRecordReader reads for it: the records after each sync marker go to the split that marker starts in, so splits cut anywhere give every record once, in order.</summary>
public sealed class SequenceFileSplitTests
{
    private static string CodecVectors => Path.GetFullPath(TestFiles.Shared("sequencefile-codecs"));

    [Theory]
    [InlineData(SequenceFileCompression.None)]
    [InlineData(SequenceFileCompression.Record)]
    public void A_small_file_hdnr_wrote_cut_at_every_offset_gives_every_record_once_in_order(SequenceFileCompression compression)
    {
        var layout = SequenceFileLayout.Of(Write(compression, records: 100));
        // Sync escapes every 2,000 bytes, as Hadoop's writer puts them.
        Assert.InRange(layout.Markers.Count, 2, 6);

        AssertSplitsAgree(layout);
    }

    [Fact]
    public void A_block_compressed_file_hdnr_wrote_gives_each_block_to_the_split_its_marker_starts_in()
    {
        // About 1 MB of keys and values makes a block, so 30,000 records of 70 to 100 bytes make three.
        var layout = SequenceFileLayout.Of(Write(SequenceFileCompression.Block, records: 30_000));
        Assert.Equal(3, layout.Markers.Count);
        Assert.Equal(layout.DataOffset, layout.Markers[0]);

        AssertSplitsAgree(layout, every: 49_999);
    }

    [Fact]
    public void The_hadoop_written_fixtures_cut_at_every_offset_give_every_record_once_in_order()
    {
        foreach (var name in new[] { "all-types.seq", "j1.out.seq", "j3.out.seq", "j6.out.record-deflate.seq", "j6.out.block-deflate.seq", "sortkeys.seq" })
        {
            var layout = SequenceFileLayout.Of(TestFiles.Fixture(name));
            AssertSplitsAgree(layout);
        }
    }

    [SharedVectorsFact]
    public void Hadoopys_alice_file_cut_near_every_marker_and_between_gives_every_record_once_in_order()
    {
        var layout = SequenceFileLayout.Of(TestFiles.Shared("hadoop-written/wc-input-alice.tb"));
        Assert.Equal(3_736, layout.Records.Count);
        Assert.True(layout.Markers.Count > 100, $"{layout.Markers.Count} sync markers");

        AssertSplitsAgree(layout, every: 9_973);
    }

    [SharedVectorsFact]
    public void The_codec_vectors_cut_anywhere_give_every_record_once_in_order()
    {
        foreach (var file in Directory.GetFiles(CodecVectors).Where(f => !f.EndsWith("bad_magic.seq", StringComparison.Ordinal)).Order())
        {
            var layout = SequenceFileLayout.Of(file);
            // A bzip2 stream takes milliseconds to start, so those files and the larger ones are cut at a spread.
            var bzip2 = layout.Codec?.EndsWith("BZip2Codec", StringComparison.Ordinal) == true;
            AssertSplitsAgree(layout, bzip2 ? 37 : layout.Length > 1_200 ? (int)Math.Max(97, layout.Length / 300) : 1);
        }
    }

    [Fact]
    public void A_split_ending_inside_the_header_reads_nothing_and_the_next_one_reads_from_the_first_record()
    {
        var layout = SequenceFileLayout.Of(Write(SequenceFileCompression.None, records: 150));
        var header = layout.DataOffset;

        Assert.Empty(layout.Read(0, header));
        Assert.Equal(layout.Expected(header - 1, layout.Markers[0] + 1), layout.Read(header - 1, layout.Markers[0] + 1));
        Assert.Equal(layout.Expected(header, layout.Markers[0]), layout.Read(header, layout.Markers[0]));
        Assert.NotEmpty(layout.Read(header, header + 1));
    }

    [Fact]
    public void A_split_reads_on_through_a_marker_that_starts_before_its_end_and_stops_at_one_that_starts_at_it()
    {
        var layout = SequenceFileLayout.Of(Write(SequenceFileCompression.None, records: 150));
        var (first, second, third) = (layout.Markers[0], layout.Markers[1], layout.Markers[2]);
        List<string> After(long marker) => layout.Records.Where(r => r.Marker == marker).Select(r => r.Record).ToList();

        Assert.Equal([.. After(first), .. After(second)], layout.Read(first, second + 1));
        Assert.Equal(After(first), layout.Read(first, second));
        Assert.Equal(After(second), layout.Read(second, second + 1));
        // Starting one byte into a marker skips it: the split starts at the next marker, past its own end.
        Assert.Empty(layout.Read(second + 1, third));
    }

    [Fact]
    public void A_damaged_record_read_through_a_later_split_names_the_file_and_offset()
    {
        var path = Write(SequenceFileCompression.None, records: 150);
        var layout = SequenceFileLayout.Of(path);
        var record = layout.Markers[2] + 20;
        var bytes = File.ReadAllBytes(path);
        bytes[record] = 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<CorruptInputException>(() => layout.Read(layout.Markers[1] + 1, layout.Length));

        Assert.Equal($"{path}: corrupt SequenceFile at byte offset {record}: a record length is negative ({BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan((int)record))}).", error.Message);
    }

    [Fact]
    public void Sequence_files_are_cut_as_text_files_are_and_ordered_largest_first()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-formats-test-").FullName;
        var sequence = Write(SequenceFileCompression.None, records: 150);
        var length = new FileInfo(sequence).Length;
        var text = Path.Combine(dir, "same-length.txt");
        File.WriteAllBytes(text, new byte[length]);
        var gzip = Path.Combine(dir, "big.gz");
        File.WriteAllBytes(gzip, new byte[3 * length]);
        var block = length / 4 + 1;

        var splits = SplitPlanner.Plan([sequence, gzip, text], requestedMaps: 1, blockSize: block);

        // Each file of `length` bytes: three splits of `block` bytes and the rest (under 1.1 blocks) as a fourth;
        // gzip stays whole; a stable sort keeps equal lengths in input order.
        var rest = length - 3 * block;
        Assert.Equal(
            [(gzip, 0L, 3 * length), (sequence, 0L, block), (sequence, block, block), (sequence, 2 * block, block), (text, 0L, block),
                (text, block, block), (text, 2 * block, block), (sequence, 3 * block, rest), (text, 3 * block, rest)],
            splits.Select(s => (s.Path, s.Start, s.Length)));
        Assert.All(splits.Where(s => s.Path == sequence), s => Assert.Equal(InputFormat.SequenceFile, s.Format));
    }

    // Each split [start, end) reads exactly the model's records for it, compared pair by pair. The model gives every
    // record once, in order, to the two splits either side of any cut (SequenceFileLayout.Of checks that once), so
    // the reader's two sides do too. A split's records depend only on where its start syncs to and where its end
    // stops it, so the sample is enough when it holds every class of start and end: the short splits
    // [start, start + 1, 20 or 2,000) start at every offset of a small file (of a larger one, at every offset near each
    // marker, the header's end and the file's end, and every `every` bytes between). The two whole-file reads either
    // side of a cut cost a pass over the file each, so they are done only where the rules turn (near the header's end,
    // the first three markers, the last marker and the file's end) and at 16 cuts spread between, which reach
    // every block and stretch between markers. The splits of a few whole-file plans each read their model's records.
    private static void AssertSplitsAgree(SequenceFileLayout layout, int every = 1)
    {
        Assert.NotEmpty(layout.Records);
        foreach (var cut in layout.Offsets((int)Math.Max(1, layout.Length / 16), markers: 3))
        {
            Assert.Null(layout.Mismatch(0, cut));
            Assert.Null(layout.Mismatch(cut, layout.Length));
        }

        foreach (var start in every == 1 ? layout.EveryOffset() : layout.Offsets(every))
        {
            foreach (var width in new long[] { 1, 20, 2_000 })
            {
                Assert.Null(layout.Mismatch(start, Math.Min(start + width, layout.Length)));
            }
        }

        // A plan's splits follow one another from the file's start to its end, so each reading its model's records
        // is every record once, in order.
        foreach (var size in new[] { 97L, 1_000, 2_000, 4_096, 65_536 }.Where(s => s < layout.Length))
        {
            var splits = SplitPlanner.Plan([layout.Path], requestedMaps: 1, blockSize: size).OrderBy(s => s.Start).ToList();
            Assert.Equal(
                [0L, .. splits.Select(s => s.Start + s.Length)],
                [.. splits.Select(s => s.Start), layout.Length]);
            Assert.All(splits, s => Assert.Null(layout.Mismatch(s.Start, s.Start + s.Length)));
        }
    }

    // Records of assorted sizes (a long key, a string value), so sync escapes fall at varied places.
    private static string Write(SequenceFileCompression compression, int records)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hdnr-formats-test-").FullName, $"{compression}.seq");
        var random = new Random(compression.GetHashCode() + records);
        using var writer = SequenceFileWriter.Create(path, compression);
        for (var i = 0; i < records; i++)
            writer.Append((long)i * 7919, $"record {i} " + string.Concat(Enumerable.Range(0, random.Next(0, 14)).Select(_ => random.Next(100_000).ToString("x") + " ")));
        writer.Complete();
        return path;
    }
}
