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
            CheckDamagedCopies(TestFiles.Fixture(fixture), copies: 150);
        }
    }

    [SharedVectorsFact]
    public void Damaged_copies_of_the_codec_vectors_decode_or_fail_cleanly()
    {
        foreach (var file in Directory.GetFiles(TestFiles.Shared("sequencefile-codecs")).Order())
        {
            CheckDamagedCopies(file, copies: new FileInfo(file).Length > 30_000 ? 25 : 120);
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

    private static void CheckDamagedCopies(string path, int copies)
    {
        var original = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        var errors = 0;
        for (var seed = 0; seed < copies; seed++)
        {
            var random = new Random(seed * 7919 + original.Length);
            var damaged = Damage(original, random);
            var task = Task.Run(() => ReadAll(damaged, "damaged-" + name, seekable: seed % 3 != 0));
            Assert.True(task.Wait(TimeSpan.FromSeconds(20)), $"{name} seed {seed}: no answer within 20 s");
            var error = task.Result;
            if (error is not null)
            {
                errors++;
                Assert.StartsWith($"damaged-{name}: ", error.Message);
                Assert.Contains("byte offset", error.Message);
            }
        }

        // A quarter of the copies are cut short, so at least that many must have been caught.
        Assert.True(errors >= copies / 8, $"{name}: only {errors} of {copies} damaged copies were refused");
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
