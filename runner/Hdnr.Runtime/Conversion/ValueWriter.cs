using System.Buffers.Binary;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>Writes keys or values of one static type <typeparamref name="T"/>, with fast paths the JIT picks per type.</summary>
internal static class ValueWriter<T>
{
    /// <summary>Writes <paramref name="value"/> in its top-level text form.</summary>
    public static void Text(OutputBuffer output, T value)
    {
        if (typeof(T) == typeof(string))
        {
            if (value is not null) output.WriteUtf8((string)(object)value);
        }
        else if (typeof(T) == typeof(int)) TextForm.WriteInt32(output, (int)(object)value!);
        else if (typeof(T) == typeof(long)) TextForm.WriteInt64(output, (long)(object)value!);
        else if (typeof(T) == typeof(double)) TextForm.WriteDouble(output, (double)(object)value!);
        else if (typeof(T) == typeof(float)) TextForm.WriteSingle(output, (float)(object)value!);
        else if (value is not null && Codecs.Known<T>() is { } codec)
        {
            var writer = JsonForm.Start(output);
            codec.WriteJson(writer, value);
            writer.Flush();
        }
        else TextForm.WriteObject(output, value);
    }

    /// <summary>Writes <paramref name="value"/> as one typedbytes value: string as code 7, int 3, long 4, double 6, and so on.</summary>
    public static void TypedBytes(OutputBuffer output, T value)
    {
        if (typeof(T) == typeof(string) && value is not null)
        {
            var text = (string)(object)value;
            if (text.Length <= 4096)
            {
                var span = output.GetSpan(5 + SurrogateEscape.MaxByteCount(text.Length));
                var written = SurrogateEscape.Encode(text, span[5..]);
                span[0] = (byte)TypedBytesType.String;
                BinaryPrimitives.WriteInt32BigEndian(span[1..], written);
                output.Advance(5 + written);
                return;
            }
        }
        else if (typeof(T) == typeof(int))
        {
            var span = output.GetSpan(5);
            span[0] = (byte)TypedBytesType.Int;
            BinaryPrimitives.WriteInt32BigEndian(span[1..], (int)(object)value!);
            output.Advance(5);
            return;
        }
        else if (typeof(T) == typeof(long))
        {
            var span = output.GetSpan(9);
            span[0] = (byte)TypedBytesType.Long;
            BinaryPrimitives.WriteInt64BigEndian(span[1..], (long)(object)value!);
            output.Advance(9);
            return;
        }
        else if (typeof(T) == typeof(double))
        {
            var span = output.GetSpan(9);
            span[0] = (byte)TypedBytesType.Double;
            BinaryPrimitives.WriteDoubleBigEndian(span[1..], (double)(object)value!);
            output.Advance(9);
            return;
        }
        if (value is not null && Codecs.Known<T>() is { } codec) codec.WriteTypedBytes(output, value);
        else TypedBytesForm.Write(output, value);
    }
}
