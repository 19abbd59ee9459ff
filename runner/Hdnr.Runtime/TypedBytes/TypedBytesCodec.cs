using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.TypedBytes;

/// <summary>Converts between encoded typed bytes and .NET values (byte[], sbyte, bool, int, long, float, double, string, vector, list, map, raw).</summary>
public static class TypedBytesCodec
{
    /// <summary>Decodes exactly one encoded value (type code first); malformed input throws <see cref="InvalidDataException"/> naming the offset.</summary>
    public static object? Decode(ReadOnlySpan<byte> encoded) => Decode(encoded, 0, null);

    /// <summary>Decodes exactly one value, naming <paramref name="source"/> and offsets from <paramref name="baseOffset"/> in errors.</summary>
    internal static object? Decode(ReadOnlySpan<byte> encoded, long baseOffset, string? source)
    {
        var result = TypedBytesFraming.Measure(encoded, out var number, out var error);
        switch (result)
        {
            case TypedBytesFraming.Result.Invalid:
                throw Invalid(source, baseOffset + number, error!);
            case TypedBytesFraming.Result.NeedMore:
                throw Invalid(source, baseOffset + encoded.Length, $"the value starting at byte offset {baseOffset} is cut short: it needs at least {number} bytes, {encoded.Length} are present");
            case TypedBytesFraming.Result.Complete when number != encoded.Length:
                throw Invalid(source, baseOffset + number, $"{encoded.Length - number} bytes follow the value starting at byte offset {baseOffset}");
        }

        // The framing check above proved the structure sound, so the decoder below need not re-check bounds.
        var pos = 0;
        return DecodeAt(encoded, ref pos, baseOffset, source);
    }

    /// <summary>Encodes one value into <paramref name="output"/>; the type code follows the .NET type (int 3, long 4, string 7, ...).</summary>
    public static void Encode(object? value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        EncodeAt(value, output, 0, insideList: false);
    }

    /// <summary>Encodes one value into a new array.</summary>
    public static byte[] Encode(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        Encode(value, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The type code of an encoded value.</summary>
    public static TypedBytesType PeekType(ReadOnlySpan<byte> encoded) =>
        encoded.IsEmpty ? throw new InvalidDataException("An encoded typed bytes value cannot be empty.") : (TypedBytesType)encoded[0];

    internal static InvalidDataException Invalid(string? source, long offset, string message) =>
        new($"{(source is null ? string.Empty : source + ": ")}bad typed bytes at byte offset {offset}: {message}.");

    private static object? DecodeAt(ReadOnlySpan<byte> data, ref int pos, long baseOffset, string? source)
    {
        var code = data[pos];
        var start = pos;
        pos++;
        switch (code)
        {
            case (byte)TypedBytesType.Bytes:
                return ReadPayload(data, ref pos).ToArray();
            case (byte)TypedBytesType.Byte:
                return (sbyte)data[pos++];
            case (byte)TypedBytesType.Bool:
                return data[pos++] != 0;
            case (byte)TypedBytesType.Int:
                pos += 4;
                return BinaryPrimitives.ReadInt32BigEndian(data[(pos - 4)..]);
            case (byte)TypedBytesType.Long:
                pos += 8;
                return BinaryPrimitives.ReadInt64BigEndian(data[(pos - 8)..]);
            case (byte)TypedBytesType.Float:
                pos += 4;
                return BinaryPrimitives.ReadSingleBigEndian(data[(pos - 4)..]);
            case (byte)TypedBytesType.Double:
                pos += 8;
                return BinaryPrimitives.ReadDoubleBigEndian(data[(pos - 8)..]);
            case (byte)TypedBytesType.String:
                if (BinaryPrimitives.ReadInt32BigEndian(data[pos..]) == -1)
                {
                    pos += 4;
                    return null;
                }

                return SurrogateEscape.Decode(ReadPayload(data, ref pos));
            case (byte)TypedBytesType.Vector:
            {
                var count = ReadCount(data, ref pos);
                var items = count == 0 ? [] : new object?[count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = DecodeAt(data, ref pos, baseOffset, source);
                }

                return TypedBytesVector.Own(items);
            }

            case (byte)TypedBytesType.List:
            {
                var items = new List<object?>();
                while (data[pos] != (byte)TypedBytesType.Marker)
                {
                    items.Add(DecodeAt(data, ref pos, baseOffset, source));
                }

                pos++;
                return TypedBytesList.Own(items.ToArray());
            }

            case (byte)TypedBytesType.Map:
            {
                var count = ReadCount(data, ref pos);
                var entries = new KeyValuePair<object, object?>[count];
                for (var i = 0; i < count; i++)
                {
                    var keyAt = pos;
                    var key = DecodeAt(data, ref pos, baseOffset, source)
                        ?? throw Invalid(source, baseOffset + keyAt, "a map key is null (type code 255)");
                    entries[i] = new(key, DecodeAt(data, ref pos, baseOffset, source));
                }

                return count == 0 ? TypedBytesMap.Empty : new TypedBytesMap(entries);
            }

            case (byte)TypedBytesType.Marker:
                return null;
            default:
                // Framing admitted it, so it is an application-specific code.
                return new TypedBytesRaw(code, ReadPayload(data, ref pos).ToArray());
        }

        static ReadOnlySpan<byte> ReadPayload(ReadOnlySpan<byte> data, ref int pos)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data[pos..]);
            var payload = data.Slice(pos + 4, length);
            pos += 4 + length;
            return payload;
        }

        static int ReadCount(ReadOnlySpan<byte> data, ref int pos)
        {
            var count = BinaryPrimitives.ReadInt32BigEndian(data[pos..]);
            pos += 4;
            return count;
        }
    }

    private static void EncodeAt(object? value, IBufferWriter<byte> output, int depth, bool insideList)
    {
        if (depth > TypedBytesFraming.MaxDepth)
        {
            throw new ArgumentException($"Typed bytes containers cannot nest deeper than {TypedBytesFraming.MaxDepth} (is a container inside itself?).", nameof(value));
        }

        switch (value)
        {
            case null:
                if (insideList)
                {
                    throw new ArgumentException("A typed bytes list cannot hold null: null is written as the marker that ends the list.", nameof(value));
                }

                WriteCode(output, TypedBytesType.Marker);
                break;
            case byte[] bytes:
                WritePayload(output, (byte)TypedBytesType.Bytes, bytes);
                break;
            case ReadOnlyMemory<byte> memory:
                WritePayload(output, (byte)TypedBytesType.Bytes, memory.Span);
                break;
            case Memory<byte> memory:
                WritePayload(output, (byte)TypedBytesType.Bytes, memory.Span);
                break;
            case sbyte b:
            {
                var span = output.GetSpan(2);
                span[0] = (byte)TypedBytesType.Byte;
                span[1] = (byte)b;
                output.Advance(2);
                break;
            }

            case bool b:
            {
                var span = output.GetSpan(2);
                span[0] = (byte)TypedBytesType.Bool;
                span[1] = b ? (byte)1 : (byte)0;
                output.Advance(2);
                break;
            }

            case int i:
                WriteInt(output, i);
                break;
            case long l:
                WriteLong(output, l);
                break;
            case float f:
            {
                var span = output.GetSpan(5);
                span[0] = (byte)TypedBytesType.Float;
                BinaryPrimitives.WriteSingleBigEndian(span[1..], f);
                output.Advance(5);
                break;
            }

            case double d:
                WriteDouble(output, d);
                break;
            case string s:
                WriteString(output, s);
                break;
            case char c:
                WriteString(output, [c]);
                break;
            case TypedBytesRaw raw:
                WritePayload(output, raw.Code, raw.Bytes);
                break;
            case TypedBytesList list:
                WriteCode(output, TypedBytesType.List);
                foreach (var item in list.AsSpan())
                {
                    EncodeAt(item, output, depth + 1, insideList: true);
                }

                WriteCode(output, TypedBytesType.Marker);
                break;
            case TypedBytesVector vector:
                WriteHeader(output, TypedBytesType.Vector, vector.Count);
                foreach (var item in vector.AsSpan())
                {
                    EncodeAt(item, output, depth + 1, insideList: false);
                }

                break;
            case TypedBytesMap map:
                WriteHeader(output, TypedBytesType.Map, map.Count);
                foreach (var entry in map.Entries)
                {
                    EncodeAt(entry.Key, output, depth + 1, insideList: false);
                    EncodeAt(entry.Value, output, depth + 1, insideList: false);
                }

                break;
            case IDictionary dictionary:
                // Like Hadoop's TypedBytesOutput, any other map becomes a typed bytes map.
                WriteHeader(output, TypedBytesType.Map, dictionary.Count);
                foreach (DictionaryEntry entry in dictionary)
                {
                    EncodeAt(entry.Key, output, depth + 1, insideList: false);
                    EncodeAt(entry.Value, output, depth + 1, insideList: false);
                }

                break;
            case IEnumerable sequence:
            {
                // Like Hadoop's TypedBytesOutput writing an ArrayList, any other collection becomes a vector.
                var items = sequence.Cast<object?>().ToArray();
                WriteHeader(output, TypedBytesType.Vector, items.Length);
                foreach (var item in items)
                {
                    EncodeAt(item, output, depth + 1, insideList: false);
                }

                break;
            }

            default:
                throw new ArgumentException(
                    $"Cannot write a {value.GetType()} as typed bytes; use byte[], sbyte, bool, int, long, float, double, string, a collection, a dictionary, TypedBytesVector, TypedBytesList, TypedBytesMap or TypedBytesRaw.",
                    nameof(value));
        }
    }

    public static void WriteInt(IBufferWriter<byte> output, int value)
    {
        var span = output.GetSpan(5);
        span[0] = (byte)TypedBytesType.Int;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], value);
        output.Advance(5);
    }

    public static void WriteLong(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(9);
        span[0] = (byte)TypedBytesType.Long;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], value);
        output.Advance(9);
    }

    public static void WriteDouble(IBufferWriter<byte> output, double value)
    {
        var span = output.GetSpan(9);
        span[0] = (byte)TypedBytesType.Double;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], value);
        output.Advance(9);
    }

    public static void WriteString(IBufferWriter<byte> output, ReadOnlySpan<char> value)
    {
        // Short strings are encoded in place and the length patched in; long ones are counted first to size the span.
        // Bytes that were not UTF-8 when read (lone surrogates U+DC80..U+DCFF) go out as they came in.
        var max = SurrogateEscape.MaxByteCount(value.Length);
        var length = max <= 4096 ? max : SurrogateEscape.ByteCount(value);
        var span = output.GetSpan(5 + length);
        span[0] = (byte)TypedBytesType.String;
        var written = SurrogateEscape.Encode(value, span[5..]);
        BinaryPrimitives.WriteInt32BigEndian(span[1..], written);
        output.Advance(5 + written);
    }

    public static void WritePayload(IBufferWriter<byte> output, byte code, ReadOnlySpan<byte> payload)
    {
        var span = output.GetSpan(5);
        span[0] = code;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], payload.Length);
        output.Advance(5);
        output.Write(payload);
    }

    private static void WriteHeader(IBufferWriter<byte> output, TypedBytesType type, int count)
    {
        var span = output.GetSpan(5);
        span[0] = (byte)type;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], count);
        output.Advance(5);
    }

    private static void WriteCode(IBufferWriter<byte> output, TypedBytesType type)
    {
        var span = output.GetSpan(1);
        span[0] = (byte)type;
        output.Advance(1);
    }
}
