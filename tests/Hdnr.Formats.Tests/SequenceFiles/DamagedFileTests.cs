using Hdnr.Formats.SequenceFiles;

namespace Hdnr.Formats.Tests.SequenceFiles;

public sealed class DamagedFileTests
{
    private static readonly string[] Fixtures =
    [
        "all-types.seq", "j1.out.seq", "j3.out.seq", "j6.out.record-deflate.seq", "j6.out.block-deflate.seq", "sortkeys.seq",
    ];

    [Fact]
    public void Damaged_copies_of_the_Hadoop_written_files_decode_or_fail_cleanly()
    {
        foreach (var fixture in Fixtures)
        {
            CheckDamagedCopies(TestFiles.Fixture(fixture), randomCopies: 24);
        }
    }

    [SharedVectorsFact]
    public void Damaged_copies_of_the_codec_vectors_decode_or_fail_cleanly()
    {
        foreach (var file in Directory.GetFiles(TestFiles.Shared("sequencefile-codecs")).Order())
        {
            // A bzip2 stream takes milliseconds to start and the large files take longer to read; the targeted damages
            // already reach each codec's decoder, so those get fewer random ones.
            var slow = file.Contains("bzip2", StringComparison.Ordinal) || new FileInfo(file).Length > 30_000;
            CheckDamagedCopies(file, randomCopies: slow ? 3 : 8);
        }
    }

    [Fact]
    public void A_cut_at_every_offset_fails_cleanly_naming_the_file_and_offset()
    {
        foreach (var fixture in new[] { "j1.out.seq", "j6.out.record-deflate.seq", "j6.out.block-deflate.seq" })
        {
            var bytes = File.ReadAllBytes(TestFiles.Fixture(fixture));
            var clean = 0;
            for (var cut = 0; cut < bytes.Length; cut++)
            {
                var outcome = ReadAll(bytes[..cut], "cut.seq", seekable: cut % 2 == 0);

                // Cutting exactly after a record or block leaves a shorter but valid file; anything else is an error.
                if (outcome is null)
                {
                    clean++;
                }
                else
                {
                    Assert.StartsWith("cut.seq: ", outcome.Message);
                    Assert.Contains("byte offset", outcome.Message);
                }
            }

            // At most the end of the header and of each of the 41 records (or the one block) are clean cuts.
            Assert.InRange(clean, 1, 42);
        }
    }

    [Fact]
    public void A_wrong_sync_marker_is_named()
    {
        var bytes = File.ReadAllBytes(TestFiles.Fixture("j6.out.block-deflate.seq"));
        int at;
        using (var reader = SequenceFileReader.Open(new MemoryStream(bytes), "x"))
        {
            // The first block's sync marker follows the header and the escape.
            at = (int)reader.Header.DataOffset + 4;
            bytes[at + 3] ^= 0x55;
        }

        var error = ReadAll(bytes, "sync.seq", seekable: true);
        Assert.NotNull(error);
        Assert.Equal($"sync.seq: corrupt SequenceFile at byte offset {at}: the sync marker does not match the header's.", error.Message);
    }

    [Fact]
    public void A_record_length_past_the_end_is_refused_before_allocating()
    {
        var bytes = File.ReadAllBytes(TestFiles.Fixture("j1.out.seq"));
        long first;
        using (var reader = SequenceFileReader.Open(new MemoryStream(bytes), "x"))
        {
            first = reader.Header.DataOffset;
        }

        bytes[first] = 0x7f;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = ReadAll(bytes, "long.seq", seekable: true);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20);
        Assert.NotNull(error);
        Assert.StartsWith($"long.seq: corrupt SequenceFile at byte offset {first + 8}: a record of ", error.Message);
        Assert.Contains("runs past the end of the file", error.Message);

        before = GC.GetAllocatedBytesForCurrentThread();
        error = ReadAll(bytes, "pipe.seq", seekable: false);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 << 20);
        Assert.NotNull(error);
        Assert.StartsWith($"pipe.seq: corrupt SequenceFile at byte offset ", error.Message);
    }

    // Every kind of damage at the places that matter (the header, the first record's or block's length, a sync marker,
    // cuts and flipped bytes through the records or compressed blocks), then a few seeded random ones.
    private static void CheckDamagedCopies(string path, int randomCopies)
    {
        var original = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        var copies = Targeted(original).Concat(Enumerable.Range(0, randomCopies).Select(seed =>
            ($"random seed {seed}", Damage(original, new Random(seed * 7919 + original.Length))))).ToList();
        var errors = 0;
        for (var i = 0; i < copies.Count; i++)
        {
            var (damage, damaged) = copies[i];
            var task = Task.Run(() => ReadAll(damaged, "damaged-" + name, seekable: i % 3 != 0));
            Assert.True(task.Wait(TimeSpan.FromSeconds(20)), $"{name}, {damage}: no answer within 20 s");
            var error = task.Result;
            if (damage == "cut 1 byte short")
            {
                Assert.True(error is not null, $"{name}: a copy cut 1 byte short was read as whole");
            }

            if (error is not null)
            {
                errors++;
                Assert.StartsWith($"damaged-{name}: ", error.Message);
                Assert.Contains("byte offset", error.Message);
            }
        }

        // A quarter of the random copies and a third of the targeted ones are cut short, so at least that many must have
        // been caught.
        Assert.True(errors >= copies.Count / 8, $"{name}: only {errors} of {copies.Count} damaged copies were refused");
    }

    private static IEnumerable<(string Damage, byte[] Bytes)> Targeted(byte[] original)
    {
        byte[] Copy(Action<byte[]> change)
        {
            var bytes = (byte[])original.Clone();
            change(bytes);
            return bytes;
        }

        long header;
        try
        {
            using var reader = SequenceFileReader.Open(new MemoryStream(original), "x");
            header = reader.Header.DataOffset;
        }
        catch (InvalidDataException)
        {
            // A file whose header is already damaged is damaged further within it.
            header = original.Length;
        }

        var length = original.Length;
        foreach (var at in new long[] { 3, 5, header / 2, header - 1 }.Where(a => a >= 0 && a < length).Distinct())
        {
            yield return ($"header byte {at} flipped", Copy(b => b[at] ^= 0x55));
        }

        if (header + 8 > length)
        {
            yield break;
        }

        // The first record's length (or a block's sync escape and its marker's first bytes), big, negative and small.
        foreach (var at in new[] { header, header + 4 }.Where(a => a + 4 <= length))
        {
            foreach (var value in new[] { int.MaxValue, -5, 3 })
            {
                yield return ($"length {value} at {at}", Copy(b => System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(b.AsSpan((int)at), value)));
            }
        }

        // The header's sync marker ends it; the first copy of it among the records is flipped.
        var sync = original.AsSpan((int)header - 16, 16).ToArray();
        var marker = original.AsSpan((int)header).IndexOf(sync);
        if (marker >= 0)
        {
            yield return ($"sync marker at {header + marker} flipped", Copy(b => b[header + marker + 3] ^= 0x55));
        }

        var data = length - header;
        foreach (var at in new[] { header + data / 4, header + data / 2, header + 3 * data / 4 })
        {
            yield return ($"cut at {at}", original[..(int)at]);
        }

        yield return ("cut 1 byte short", original[..^1]);
        foreach (var at in new[] { header + data / 5, header + 2 * data / 5, header + 3 * data / 5, header + 4 * data / 5, length - 2 })
        {
            yield return ($"byte {at} flipped", Copy(b => b[at] ^= 0xA5));
        }
    }

    private static byte[] Damage(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                return bytes[..random.Next(bytes.Length)];
            case 1:
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                }

                return bytes;
            case 2:
            {
                // A plausible-looking but wrong length: big, negative or just off.
                var at = random.Next(bytes.Length - 3);
                var value = random.Next(3) switch { 0 => random.Next(), 1 => -random.Next(1, 1000), _ => random.Next(0, 64) };
                System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at), value);
                return bytes;
            }

            default:
            {
                // Damage past the header, where the records are.
                var from = Math.Min(bytes.Length - 1, 120);
                bytes[random.Next(from, bytes.Length)] = (byte)random.Next(256);
                return bytes;
            }
        }
    }

    // Reads every pair every way; returns the clean error, or null when the file read to its end.
    private static InvalidDataException? ReadAll(byte[] bytes, string name, bool seekable)
    {
        try
        {
            using (var reader = SequenceFileReader.Open(seekable ? new MemoryStream(bytes) : new NonSeekableStream(bytes, 4096), name))
            {
                while (reader.TryReadPair(out _, out _))
                {
                }
            }

            using (var reader = SequenceFileReader.Open(new MemoryStream(bytes), name))
            {
                while (reader.TryReadTypedBytes(out _, out _))
                {
                }
            }

            return null;
        }
        catch (InvalidDataException e)
        {
            return e;
        }
    }
}
