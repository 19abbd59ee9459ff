using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.Tests.SequenceFiles;

public sealed class HadoopIdenticalOutputTests
{
    [Fact]
    public void Uncompressed_output_is_Hadoops_byte_for_byte_but_for_the_random_sync_marker()
    {
        AssertSameAsHadoop(TestFiles.Fixture("j1.reduce-stdin.tb"), TestFiles.Fixture("j1.out.seq"));
    }

    [SharedVectorsFact]
    public void Sync_escapes_fall_exactly_where_Hadoop_puts_them()
    {
        // 3,736 records with 127 sync escapes: every one must land where Hadoop's writer put it.
        AssertSameAsHadoop(TestFiles.Shared("hadoop-written/wc-input-alice.dumptb.tb"), TestFiles.Shared("hadoop-written/wc-input-alice.tb"));
    }

    private static void AssertSameAsHadoop(string typedBytes, string hadoopWritten)
    {
        var output = new MemoryStream();
        using (var writer = SequenceFileWriter.Create(output, SequenceFileCompression.None, leaveOpen: true))
        using (var reader = new TypedBytesReader(File.OpenRead(typedBytes)))
        {
            while (reader.TryReadRaw(out var key))
            {
                var k = key.ToArray();
                Assert.True(reader.TryReadRaw(out var value));
                writer.Append(k, value);
            }

            writer.Complete();
        }

        var expected = File.ReadAllBytes(hadoopWritten);
        var mine = output.ToArray();
        Assert.Equal(expected.Length, mine.Length);

        byte[] hadoopSync, mySync;
        using (var reader = SequenceFileReader.Open(new MemoryStream(expected), "hadoop"))
        {
            hadoopSync = reader.Header.Sync.ToArray();
        }

        using (var reader = SequenceFileReader.Open(new MemoryStream(mine), "mine"))
        {
            mySync = reader.Header.Sync.ToArray();
        }

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(mine).Replace(Convert.ToHexString(mySync), Convert.ToHexString(hadoopSync), StringComparison.Ordinal));
    }
}
