using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Formats.SequenceFiles;

/// <summary>The Writable classes this reader understands: how each is serialized, decoded, and turned into typed bytes as Hadoop's dumptb does.</summary>
public static class HadoopWritables
{
    public const string TypedBytesWritable = SequenceFileHeader.TypedBytesWritable;
    public const string Text = "org.apache.hadoop.io.Text";
    public const string BytesWritable = "org.apache.hadoop.io.BytesWritable";
    public const string LongWritable = "org.apache.hadoop.io.LongWritable";
    public const string IntWritable = "org.apache.hadoop.io.IntWritable";
    public const string NullWritable = "org.apache.hadoop.io.NullWritable";
    public const string BooleanWritable = "org.apache.hadoop.io.BooleanWritable";
    public const string ByteWritable = "org.apache.hadoop.io.ByteWritable";
    public const string FloatWritable = "org.apache.hadoop.io.FloatWritable";
    public const string DoubleWritable = "org.apache.hadoop.io.DoubleWritable";
    public const string VIntWritable = "org.apache.hadoop.io.VIntWritable";
    public const string VLongWritable = "org.apache.hadoop.io.VLongWritable";

    private static readonly UTF8Encoding Utf8 = new(false, false);

    /// <summary>The payload of a serialized Writable (typed bytes encoding, UTF-8 text, the bytes of a BytesWritable; fixed-size ones as they are), or null with a reason when the serialization is inconsistent.</summary>
    public static bool TryGetPayload(string className, ReadOnlySpan<byte> serialized, out ReadOnlySpan<byte> payload, out string? problem)
    {
        problem = null;
        payload = serialized;
        switch (className)
        {
            case TypedBytesWritable:
            case BytesWritable:
                if (serialized.Length < 4 || BinaryPrimitives.ReadInt32BigEndian(serialized) != serialized.Length - 4)
                {
                    problem = serialized.Length < 4
                        ? $"a {ShortName(className)} of {serialized.Length} bytes has no length prefix"
                        : $"a {ShortName(className)}'s length prefix says {BinaryPrimitives.ReadInt32BigEndian(serialized)} bytes but {serialized.Length - 4} follow";
                    return false;
                }

                payload = serialized[4..];
                if (className == TypedBytesWritable)
                {
                    var result = TypedBytesFraming.Measure(payload, out var length, out var error);
                    if (result != TypedBytesFraming.Result.Complete || length != payload.Length)
                    {
                        problem = $"a TypedBytesWritable does not hold one whole typed bytes value ({error ?? (result == TypedBytesFraming.Result.NeedMore ? "cut short" : "trailing bytes")})";
                        return false;
                    }
                }

                return true;
            case Text:
                if (serialized.IsEmpty || serialized.Length < WritableVarInt.SizeOf(serialized[0])
                    || WritableVarInt.Decode(serialized) != serialized.Length - WritableVarInt.SizeOf(serialized[0]))
                {
                    problem = $"a Text's length prefix does not match its {serialized.Length} bytes";
                    return false;
                }

                payload = serialized[WritableVarInt.SizeOf(serialized[0])..];
                return true;
            case VIntWritable:
            case VLongWritable:
                if (serialized.IsEmpty || WritableVarInt.SizeOf(serialized[0]) != serialized.Length)
                {
                    problem = $"a {ShortName(className)} of {serialized.Length} bytes is not one variable-length integer";
                    return false;
                }

                return true;
            default:
                var size = FixedSize(className);
                if (size >= 0 && serialized.Length != size)
                {
                    problem = $"a {ShortName(className)} is {size} bytes, not {serialized.Length}";
                    return false;
                }

                return true;
        }
    }

    /// <summary>Decodes a payload from <see cref="TryGetPayload"/> to a .NET value; Writables it does not know become <see cref="WritableValue"/>.</summary>
    public static object? Decode(string className, ReadOnlySpan<byte> payload) => className switch
    {
        TypedBytesWritable => TypedBytesCodec.Decode(payload),
        Text => Utf8.GetString(payload),
        BytesWritable => payload.ToArray(),
        LongWritable => BinaryPrimitives.ReadInt64BigEndian(payload),
        IntWritable => BinaryPrimitives.ReadInt32BigEndian(payload),
        NullWritable => null,
        BooleanWritable => payload[0] != 0,
        ByteWritable => (sbyte)payload[0],
        FloatWritable => BinaryPrimitives.ReadSingleBigEndian(payload),
        DoubleWritable => BinaryPrimitives.ReadDoubleBigEndian(payload),
        VIntWritable => (int)WritableVarInt.Decode(payload),
        VLongWritable => WritableVarInt.Decode(payload),
        _ => new WritableValue(className, payload.ToArray()),
    };

    /// <summary>Writes a payload as typed bytes the way Hadoop's TypedBytesWritableOutput (and so dumptb) does.</summary>
    public static void ToTypedBytes(string className, ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        switch (className)
        {
            case TypedBytesWritable:
                output.Write(payload);
                break;
            case Text:
                TypedBytesCodec.WritePayload(output, (byte)TypedBytesType.String, payload);
                break;
            case BytesWritable:
                TypedBytesCodec.WritePayload(output, (byte)TypedBytesType.Bytes, payload);
                break;
            case LongWritable:
            case IntWritable:
            case BooleanWritable:
            case ByteWritable:
            case FloatWritable:
            case DoubleWritable:
            {
                // These serialize as the typed bytes payload of their type, so only the code goes in front.
                var span = output.GetSpan(1 + payload.Length);
                span[0] = (byte)(className switch
                {
                    LongWritable => TypedBytesType.Long,
                    IntWritable => TypedBytesType.Int,
                    BooleanWritable => TypedBytesType.Bool,
                    ByteWritable => TypedBytesType.Byte,
                    FloatWritable => TypedBytesType.Float,
                    _ => TypedBytesType.Double,
                });
                payload.CopyTo(span[1..]);
                output.Advance(1 + payload.Length);
                break;
            }

            case VIntWritable:
                TypedBytesCodec.WriteInt(output, (int)WritableVarInt.Decode(payload));
                break;
            case VLongWritable:
                TypedBytesCodec.WriteLong(output, WritableVarInt.Decode(payload));
                break;
            default:
            {
                // Like TypedBytesWritableOutput.writeWritable: code 50 holding the class name (int32 length + UTF-8) and the serialized bytes.
                var name = Encoding.UTF8.GetBytes(className);
                var span = output.GetSpan(9 + name.Length);
                span[0] = (byte)TypedBytesType.FirstApplicationSpecific;
                BinaryPrimitives.WriteInt32BigEndian(span[1..], 4 + name.Length + payload.Length);
                BinaryPrimitives.WriteInt32BigEndian(span[5..], name.Length);
                name.CopyTo(span[9..]);
                output.Advance(9 + name.Length);
                output.Write(payload);
                break;
            }
        }
    }

    private static int FixedSize(string className) => className switch
    {
        LongWritable or DoubleWritable => 8,
        IntWritable or FloatWritable => 4,
        BooleanWritable or ByteWritable => 1,
        NullWritable => 0,
        _ => -1,
    };

    private static string ShortName(string className) => className[(className.LastIndexOf('.') + 1)..];
}
