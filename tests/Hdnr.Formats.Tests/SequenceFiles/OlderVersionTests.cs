using Hdnr.Formats.SequenceFiles;

namespace Hdnr.Formats.Tests.SequenceFiles;

public sealed class OlderVersionTests
{
    // Version 5 headers have no metadata; version 4 headers also name no codec (a compressed one means DefaultCodec).
    [Theory]
    [InlineData("j1.out.seq", 5)]
    [InlineData("j1.out.seq", 4)]
    [InlineData("j6.out.record-deflate.seq", 5)]
    [InlineData("j6.out.record-deflate.seq", 4)]
    [InlineData("j6.out.block-deflate.seq", 4)]
    public void Version_4_and_5_headers_read_the_same_records(string fixture, int version)
    {
        var v6 = File.ReadAllBytes(TestFiles.Fixture(fixture));
        SequenceFileHeader header;
        using (var reader = SequenceFileReader.Open(new MemoryStream(v6), fixture))
        {
            header = reader.Header;
        }

        var metadataAt = (int)header.DataOffset - 16 - 4;
        var codecLength = header.CodecClassName is null ? 0 : 1 + header.CodecClassName.Length;
        var cutFrom = version == 4 ? metadataAt - codecLength : metadataAt;
        byte[] older = [.. v6[..cutFrom], .. v6[metadataAt..][4..]];
        older[3] = (byte)version;

        using var olderReader = SequenceFileReader.Open(new MemoryStream(older), "older.seq");
        Assert.Equal(version, olderReader.Header.Version);
        Assert.Equal(header.Compression, olderReader.Header.Compression);
        Assert.Equal(header.CodecClassName, olderReader.Header.CodecClassName);
        Assert.Empty(olderReader.Header.Metadata);
        using var v6Reader = SequenceFileReader.Open(new MemoryStream(v6), fixture);
        Assert.Equal(SequenceFileVectorTests.DumpTb(v6Reader), SequenceFileVectorTests.DumpTb(olderReader));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void Other_versions_are_refused_by_name(int version)
    {
        var bytes = File.ReadAllBytes(TestFiles.Fixture("j1.out.seq"));
        bytes[3] = (byte)version;
        var error = Assert.Throws<InvalidDataException>(() => SequenceFileReader.Open(new MemoryStream(bytes), "v.seq"));
        Assert.Equal($"v.seq: SequenceFile version {version} (byte offset 3) is not supported; versions 4 to 6 are.", error.Message);
    }
}
