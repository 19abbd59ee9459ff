using System.Collections;
using System.Runtime.CompilerServices;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>Writes any value a script returns as typedbytes, mapping .NET types onto the codec's.</summary>
/// <remarks>
/// The codec knows typedbytes' own types; a script also returns byte and short (written as int, code 3, since
/// typedbytes' byte is signed), tuples (a vector, code 8) and collections holding those, so they are mapped first.
/// </remarks>
internal static class TypedBytesForm
{
    public static void Write(OutputBuffer output, object? value)
    {
        try
        {
            TypedBytesCodec.Encode(Map(value), output);
        }
        catch (ArgumentException exception)
        {
            throw new ConversionFailure(exception.Message);
        }
    }

    private static object? Map(object? value) => value switch
    {
        null or string or byte[] or sbyte or bool or int or long or float or double or TypedBytesRaw => value,
        byte small => (int)small,
        short small => (int)small,
        TypedBytesVector or TypedBytesList when ((IEnumerable<object?>)value).All(Plain) => value,
        TypedBytesVector vector => new TypedBytesVector(vector.Select(Map)),
        TypedBytesList list => new TypedBytesList(list.Select(Map)),
        TypedBytesMap map => new TypedBytesMap(map.Select(e => new KeyValuePair<object, object?>(Map(e.Key)!, Map(e.Value)))),
        IDictionary dictionary => MapOf(dictionary),
        ITuple tuple => new TypedBytesVector(Enumerable.Range(0, tuple.Length).Select(i => Map(tuple[i]))),
        IEnumerable items => new TypedBytesVector(items.Cast<object?>().Select(Map)),
        _ => throw new ConversionFailure($"cannot write a value of type {Jobs.TypeNames.Of(value.GetType())} as typedbytes"),
    };

    private static TypedBytesMap MapOf(IDictionary dictionary)
    {
        // IDictionary's own enumerator yields DictionaryEntry; the IEnumerable one of a generic dictionary does not.
        var entries = new List<KeyValuePair<object, object?>>(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary) entries.Add(new(Map(entry.Key)!, Map(entry.Value)));
        return new TypedBytesMap(entries);
    }

    private static bool Plain(object? value) =>
        value is null or string or byte[] or sbyte or bool or int or long or float or double or TypedBytesRaw;
}
