using Hdnr.Runtime.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Text;

/// <summary>Bytes that are not UTF-8 survive a trip through a string: each becomes the lone surrogate U+DC00 + byte, which is written back as that byte.</summary>
public sealed class SurrogateEscapeTests
{
    [Fact]
    public void A_latin1_byte_becomes_its_escape_and_goes_back_as_the_byte()
    {
        var text = SurrogateEscape.Decode([.. "caf"u8, 0xE9]);

        Assert.Equal("caf\uDCE9", text);
        Assert.Equal(new byte[] { (byte)'c', (byte)'a', (byte)'f', 0xE9 }, Encode(text));
    }

    [Fact]
    public void Valid_utf8_decodes_as_dotnet_decodes_it_and_escapes_nothing()
    {
        var bytes = "héllo ☃ 𝄞 plain"u8.ToArray();
        SurrogateEscape.TakeEscaped();

        var text = SurrogateEscape.Decode(bytes);

        Assert.Equal("héllo ☃ 𝄞 plain", text);
        Assert.False(SurrogateEscape.TakeEscaped());
        Assert.Equal(bytes, Encode(text));
    }

    [Fact]
    public void Each_byte_of_a_broken_sequence_is_escaped_alone_as_pythons_surrogateescape_does()
    {
        // A three-byte sequence cut short, an encoded surrogate (not UTF-8), an overlong slash and a lone continuation byte.
        byte[] bytes = [0xE2, 0x82, (byte)'a', 0xED, 0xB2, 0x80, 0xC0, 0xAF, 0x80];

        var text = SurrogateEscape.Decode(bytes);

        Assert.Equal("\uDCE2\uDC82a\uDCED\uDCB2\uDC80\uDCC0\uDCAF\uDC80", text);
        Assert.True(SurrogateEscape.TakeEscaped());
        Assert.False(SurrogateEscape.TakeEscaped());
        Assert.Equal(bytes, Encode(text));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void Random_bytes_of_any_length_round_trip_exactly(int length)
    {
        var random = new Random(length);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(length)];
            random.NextBytes(bytes);

            var text = SurrogateEscape.Decode(bytes);

            Assert.Equal(bytes, Encode(text));
            Assert.Equal(bytes.Length, SurrogateEscape.ByteCount(text));
        }
    }

    [Fact]
    public void Lone_surrogates_that_escape_no_byte_are_written_as_the_replacement_character_as_before()
    {
        var text = "a\uD800b\uDC7Fc\uDD00";

        Assert.Equal("a\uFFFDb\uFFFDc\uFFFD"u8.ToArray(), Encode(text));
        Assert.Equal(Encode(text).Length, SurrogateEscape.ByteCount(text));
    }

    [Fact]
    public void Long_strings_are_written_in_pieces_without_splitting_a_surrogate_pair()
    {
        var text = new string('x', 4095) + "𝄞" + new string('\uDCE9', 5000) + "end";
        var output = new OutputBuffer(null);

        output.WriteUtf8(text);

        Assert.Equal([.. Enumerable.Repeat((byte)'x', 4095), .. "𝄞"u8, .. Enumerable.Repeat((byte)0xE9, 5000), .. "end"u8], output.Written.ToArray());
    }

    private static byte[] Encode(string text)
    {
        var output = new OutputBuffer(null);
        output.WriteUtf8(text);
        return output.Written.ToArray();
    }
}
