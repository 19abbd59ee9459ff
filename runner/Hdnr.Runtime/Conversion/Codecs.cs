using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>The codec of each declared type, chosen once: built from the type when a job is bound, or registered by a frozen executable's generated source.</summary>
public static class Codecs
{
    /// <summary>Makes <paramref name="codec"/> the one for the container type <typeparamref name="T"/> in this process, unless one is set already.</summary>
    public static void Register<T>(Codec<T> codec) => Cache<T>.Value ??= codec;

    /// <summary>The codec of a container type <typeparamref name="T"/> when one is set, or null (scalars need none).</summary>
    internal static Codec<T>? Known<T>() => Cache<T>.Value;

    /// <summary>The codec of <typeparamref name="T"/>, built from the type the first time.</summary>
    [RequiresDynamicCode("Closes codecs over a script's declared types.")]
    [RequiresUnreferencedCode("Closes codecs over a script's declared types.")]
    internal static Codec<T> Of<T>() =>
        !IsContainer(typeof(T)) ? new ScalarCodec<T>() : Cache<T>.Value ??= (Codec<T>)Build(typeof(T));

    /// <summary>Reads a container's whole text-form key or value: its JSON, or nothing for null.</summary>
    internal static T ReadText<T>(Codec<T> codec, ReadOnlySpan<byte> text, string typeName)
    {
        if (text.IsEmpty && !typeof(T).IsValueType) return default!;
        // The plainest values are read straight from the bytes; anything else, and every error, is the JSON reader's.
        var at = JsonScan.Skip(text, 0);
        if (codec.TryReadText(text, ref at, out var plain) && JsonScan.Skip(text, at) == text.Length) return plain;
        try
        {
            var reader = new Utf8JsonReader(text);
            if (!reader.Read()) throw new JsonException("no JSON value");
            var value = codec.ReadJson(ref reader);
            if (reader.Read()) throw new JsonException("text after the JSON value");
            return value;
        }
        catch (Exception failure) when (failure is JsonException or InvalidOperationException || (failure is ConversionFailure && !IsJson(text)))
        {
            // Text that is not JSON at all is named as such, even where a first value in it did not fit the type.
            throw new ConversionFailure($"cannot read {TextForm.Quote(text)} as {typeName}: it is not JSON");
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new Utf8JsonReader(text);
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Builds (once) the codecs of <paramref name="type"/> when it is a container hdnr reads and writes typed.</summary>
    [RequiresDynamicCode("Closes codecs over a script's declared types.")]
    [RequiresUnreferencedCode("Closes codecs over a script's declared types.")]
    internal static void Prepare(Type type)
    {
        if (IsContainer(type)) typeof(Codecs).GetMethod(nameof(Of), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null);
    }

    /// <summary>True for the declared types a container codec reads: arrays, lists, dictionaries, value tuples and the script's records of types hdnr reads.</summary>
    internal static bool IsContainer(Type type)
    {
        if (!TextForm.CanRead(type) || type == typeof(byte[])) return false;
        if (type.IsArray || RecordShape.IsScriptType(type)) return true;
        if (!type.IsGenericType) return false;
        var definition = type.GetGenericTypeDefinition();
        return TextForm.ListShapes.Contains(definition) || TextForm.DictionaryShapes.Contains(definition) || TextForm.IsValueTuple(type);
    }

    [RequiresDynamicCode("Closes codecs over a script's declared types.")]
    [RequiresUnreferencedCode("Closes codecs over a script's declared types.")]
    private static object Build(Type type)
    {
        if (RecordShape.IsScriptType(type)) return Record(RecordShape.Of(type));
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            return Create(typeof(SequenceCodec<,>).MakeGenericType(type, element), Element(element));
        }
        var arguments = type.GetGenericArguments();
        var definition = type.GetGenericTypeDefinition();
        if (TextForm.ListShapes.Contains(definition))
            return Create(typeof(SequenceCodec<,>).MakeGenericType(type, arguments[0]), Element(arguments[0]));
        if (TextForm.DictionaryShapes.Contains(definition))
            return Create(typeof(DictionaryCodec<,,>).MakeGenericType(type, arguments[0], arguments[1]), Element(arguments[0]), Element(arguments[1]));
        var of = typeof(TupleCodecs).GetMethods().Single(m => m.Name == nameof(TupleCodecs.Of) && m.GetGenericArguments().Length == arguments.Length);
        return of.MakeGenericMethod(arguments).Invoke(null, arguments.Select(Element).ToArray())!;
    }

    // A record's codec is its members' tuple's, with the two conversions compiled once.
    [RequiresDynamicCode("Closes codecs over a script's declared types.")]
    [RequiresUnreferencedCode("Closes codecs over a script's declared types.")]
    private static object Record(RecordShape shape)
    {
        var tupleType = shape.TupleType();
        var tuple = Expression.Parameter(tupleType, "items");
        var items = Enumerable.Range(1, shape.Members.Count).Select(i => (Expression)Expression.Field(tuple, "Item" + i.ToString(CultureInfo.InvariantCulture))).ToList();
        Expression built = shape.Positional
            ? Expression.New(shape.Constructor!, items)
            : Expression.MemberInit(shape.Constructor is null ? Expression.New(shape.Type) : Expression.New(shape.Constructor),
                shape.Members.Select((m, i) => Expression.Bind(m.Member, items[i])));
        var value = Expression.Parameter(shape.Type, "value");
        var split = Expression.New(tupleType.GetConstructor(shape.Members.Select(m => m.Type).ToArray())!,
            shape.Members.Select(m => Expression.MakeMemberAccess(value, m.Member)));
        return Create(typeof(RecordCodec<,>).MakeGenericType(shape.Type, tupleType), Element(tupleType),
            Expression.Lambda(typeof(Func<,>).MakeGenericType(tupleType, shape.Type), built, tuple).Compile(),
            Expression.Lambda(typeof(Func<,>).MakeGenericType(shape.Type, tupleType), split, value).Compile());
    }

    [RequiresDynamicCode("Closes codecs over a script's declared types.")]
    [RequiresUnreferencedCode("Closes codecs over a script's declared types.")]
    private static object Element(Type type) =>
        typeof(Codecs).GetMethod(nameof(Of), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null)!;

    [RequiresUnreferencedCode("Creates codecs closed over a script's declared types.")]
    private static object Create(Type closed, params object[] arguments) => Activator.CreateInstance(closed, arguments)!;

    /// <summary>The failure for a JSON value that is not <paramref name="typeName"/>, showing the value that starts at <paramref name="start"/>.</summary>
    internal static ConversionFailure Mismatch(ref Utf8JsonReader start, string typeName) =>
        ObjectConverters.Mismatch(JsonForm.Natural(JsonElement.ParseValue(ref start)), typeName);

    /// <summary>Writes a typedbytes vector's or map's code and count.</summary>
    internal static void WriteHeader(OutputBuffer output, TypedBytesType type, int count)
    {
        var span = output.GetSpan(5);
        span[0] = (byte)type;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], count);
        output.Advance(5);
    }

    private static class Cache<T>
    {
        public static Codec<T>? Value;
    }
}
