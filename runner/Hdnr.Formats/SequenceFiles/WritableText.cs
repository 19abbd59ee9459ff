using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>A SequenceFile key or value as the text Hadoop's SequenceFileAsTextRecordReader gives it: the Writable's toString, read from its typed bytes form.</summary>
/// <remarks>
/// Text as its bytes; IntWritable, LongWritable, VInt/VLong and ByteWritable as decimal; BooleanWritable as
/// <c>true</c>/<c>false</c>; BytesWritable as BytesWritable.toString (two hex digits a byte, spaces between). Java's
/// text of a float, a double or a typedbytes container is not written here: such a record is refused.
/// </remarks>
public static class WritableText
{
    /// <summary>Appends the text of the typed bytes <paramref name="encoded"/> to <paramref name="output"/>; false, writing nothing, for a type whose Java text hdnr does not write.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> encoded, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (encoded.IsEmpty) return false;
        var payload = encoded[1..];
        switch (encoded[0])
        {
            case 7:
                output.Write(payload[4..]);
                return true;
            case 0:
                var bytes = payload[4..];
                var text = new StringBuilder(bytes.Length * 3);
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (i > 0) text.Append(' ');
                    text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
                }
                output.Write(Encoding.ASCII.GetBytes(text.ToString()));
                return true;
            case 1:
                Decimal((sbyte)payload[0], output);
                return true;
            case 2:
                output.Write(payload[0] != 0 ? "true"u8 : "false"u8);
                return true;
            case 3:
                Decimal(BinaryPrimitives.ReadInt32BigEndian(payload), output);
                return true;
            case 4:
                Decimal(BinaryPrimitives.ReadInt64BigEndian(payload), output);
                return true;
            default:
                return false;
        }
    }

    private static void Decimal(long value, IBufferWriter<byte> output) =>
        output.Write(Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)));
}
