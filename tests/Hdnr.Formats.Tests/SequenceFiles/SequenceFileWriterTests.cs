using System.Diagnostics;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.Tests.SequenceFiles;

public sealed class SequenceFileWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hdnr-seq-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(SequenceFileCompression.None)]
    [InlineData(SequenceFileCompression.Record)]
    [InlineData(SequenceFileCompression.Block)]
    public void What_it_writes_reads_back_pair_for_pair(SequenceFileCompression compression)
    {
        var pairs = ManyPairs();
        var path = Path.Combine(_folder, "out.seq");
        using (var writer = SequenceFileWriter.Create(path, compression))
        {
            foreach (var (key, value) in pairs)
            {
                writer.Append(key, value);
            }

            writer.Complete();
            Assert.Equal(pairs.Count, writer.Count);
        }

        using var reader = SequenceFileReader.Open(path);
        Assert.Equal(6, reader.Header.Version);
        Assert.Equal(compression, reader.Header.Compression);
        Assert.Equal(SequenceFileHeader.TypedBytesWritable, reader.Header.KeyClassName);
        Assert.Equal(SequenceFileHeader.TypedBytesWritable, reader.Header.ValueClassName);
        Assert.Empty(reader.Header.Metadata);
        var index = 0;
        while (reader.TryRead(out var key, out var value))
        {
            Assert.Equal(pairs[index].Key, key.ToArray());
            Assert.Equal(pairs[index].Value, value.ToArray());
            index++;
        }

        Assert.Equal(pairs.Count, index);
    }

    [Fact]
    public void Uncompressed_files_carry_a_sync_escape_about_every_2000_bytes()
    {
        var stream = new MemoryStream();
        using (var writer = SequenceFileWriter.Create(stream, SequenceFileCompression.None, leaveOpen: true))
        {
            foreach (var (key, value) in ManyPairs())
            {
                writer.Append(key, value);
            }

            writer.Complete();
        }

        var bytes = stream.ToArray();
        using var reader = SequenceFileReader.Open(new MemoryStream(bytes), "mem");
        var sync = reader.Header.Sync.ToArray();
        byte[] escape = [0xff, 0xff, 0xff, 0xff, .. sync];
        var positions = new List<int>();
        for (var at = bytes.AsSpan().IndexOf(escape); at >= 0;)
        {
            positions.Add(at);
            var next = bytes.AsSpan(at + 1).IndexOf(escape);
            at = next < 0 ? -1 : at + 1 + next;
        }

        Assert.InRange(positions.Count, (bytes.Length / 2300) - 1, (bytes.Length / 2000) + 1);
        Assert.All(positions.Zip(positions.Skip(1)), p => Assert.InRange(p.Second - p.First, 2000, 2000 + 20 + 600));
    }

    [Fact]
    public void Block_files_split_into_blocks_of_about_a_million_bytes()
    {
        var stream = new MemoryStream();
        var value = TypedBytesCodec.Encode(new string('x', 10_000));
        using (var writer = SequenceFileWriter.Create(stream, SequenceFileCompression.Block, leaveOpen: true))
        {
            for (var i = 0; i < 250; i++)
            {
                writer.Append(TypedBytesCodec.Encode(i), value);
            }

            writer.Complete();
        }

        var bytes = stream.ToArray();
        using var reader = SequenceFileReader.Open(new MemoryStream(bytes), "mem");
        byte[] escape = [0xff, 0xff, 0xff, 0xff, .. reader.Header.Sync.ToArray()];
        var blocks = 0;
        for (var at = 0; (at = bytes.AsSpan(at).IndexOf(escape) is var i && i >= 0 ? at + i + 1 : -1) > 0;)
        {
            blocks++;
        }

        Assert.Equal(3, blocks);
        var count = 0;
        while (reader.TryReadPair(out var key, out var read))
        {
            Assert.Equal(count++, key);
            Assert.Equal(10_000, ((string)read!).Length);
        }

        Assert.Equal(250, count);
    }

    [Fact]
    public void An_existing_file_is_refused_unless_overwriting()
    {
        var path = Path.Combine(_folder, "exists.seq");
        File.WriteAllText(path, "keep me");
        var error = Assert.Throws<IOException>(() => SequenceFileWriter.Create(path));
        Assert.Equal($"{path} already exists.", error.Message);
        Assert.Equal("keep me", File.ReadAllText(path));

        using (var writer = SequenceFileWriter.Create(path, overwrite: true))
        {
            writer.Append("k", 1);
            writer.Complete();
        }

        using var reader = SequenceFileReader.Open(path);
        Assert.True(reader.TryReadPair(out var key, out var value));
        Assert.Equal(("k", 1), (key, value));
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var path = Path.Combine(_folder, "no", "such.seq");
        var error = Assert.Throws<DirectoryNotFoundException>(() => SequenceFileWriter.Create(path));
        Assert.Equal($"{path}: the folder {Path.Combine(_folder, "no")} does not exist.", error.Message);
    }

    [Fact]
    public void Without_Complete_nothing_is_left_behind()
    {
        var path = Path.Combine(_folder, "never.seq");
        using (var writer = SequenceFileWriter.Create(path))
        {
            writer.Append("k", 1);
            Assert.Single(Directory.GetFiles(_folder));
        }

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Appending_something_that_is_not_one_typed_bytes_value_is_refused()
    {
        using var writer = SequenceFileWriter.Create(Stream.Null);
        Assert.Throws<ArgumentException>(() => writer.Append([3, 0, 0], [3, 0, 0, 0, 1]));
        Assert.Throws<ArgumentException>(() => writer.Append([3, 0, 0, 0, 1, 3], [3, 0, 0, 0, 1]));
        Assert.Throws<ArgumentException>(() => writer.Append([], [3, 0, 0, 0, 1]));
    }

    [HadoopFact]
    public void Hadoops_own_dumptb_reads_what_it_writes()
    {
        var jar = HadoopFactAttribute.StreamingJar!;
        var hadoop = HadoopFactAttribute.HadoopExecutable!;

        var expected = File.ReadAllBytes(TestFiles.Fixture("all-types.tb"));
        foreach (var compression in Enum.GetValues<SequenceFileCompression>())
        {
            var path = Path.Combine(_folder, $"for-hadoop-{compression}.seq");
            using (var writer = SequenceFileWriter.Create(path, compression))
            using (var reader = new TypedBytesReader(new MemoryStream(expected)))
            {
                while (reader.TryReadRaw(out var key))
                {
                    var k = key.ToArray();
                    Assert.True(reader.TryReadRaw(out var value));
                    writer.Append(k, value);
                }

                writer.Complete();
            }

            var start = new ProcessStartInfo(hadoop) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "jar", jar, "dumptb", "file://" + path })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = new MemoryStream();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(stdout);
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"hadoop dumptb failed: {stderr.Result}");
            Assert.Equal(expected, stdout.ToArray());
        }
    }

    private static List<(byte[] Key, byte[] Value)> ManyPairs()
    {
        var pairs = new List<(byte[] Key, byte[] Value)>();
        using (var reader = new TypedBytesReader(File.OpenRead(TestFiles.Fixture("all-types.tb"))))
        {
            while (reader.TryReadRaw(out var key))
            {
                var k = key.ToArray();
                Assert.True(reader.TryReadRaw(out var value));
                pairs.Add((k, value.ToArray()));
            }
        }

        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            pairs.Add((TypedBytesCodec.Encode((long)i), TypedBytesCodec.Encode(new string((char)('a' + random.Next(26)), random.Next(0, 120)))));
        }

        return pairs;
    }
}
