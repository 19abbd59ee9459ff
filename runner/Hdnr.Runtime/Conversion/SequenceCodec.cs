using System.Text.Json;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>The codec of an array, <c>List&lt;E&gt;</c> or a list interface: a JSON array, a typedbytes vector.</summary>
/// <typeparam name="TSequence">The declared type: <c>E[]</c>, or a type a <c>List&lt;E&gt;</c> is.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
public sealed class SequenceCodec<TSequence, TElement> : Codec<TSequence>
    where TSequence : class, IEnumerable<TElement>
{
    private readonly Codec<TElement> _element;
    private readonly string _name = Jobs.TypeNames.Of(typeof(TSequence));

    /// <summary>A codec whose elements go through <paramref name="element"/>.</summary>
    public SequenceCodec(Codec<TElement> element) => _element = element;

    internal override TSequence ReadJson(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null!;
        if (reader.TokenType != JsonTokenType.StartArray) throw Codecs.Mismatch(ref reader, _name);
        var items = new List<TElement>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(_element.ReadJson(ref reader));
        return Built(items);
    }

    internal override TSequence ReadDecoded(object? value)
    {
        if (value is null) return null!;
        var items = ObjectConverters.Items(value) ?? throw ObjectConverters.Mismatch(value, _name);
        if (typeof(TSequence) == typeof(TElement[]))
        {
            var array = new TElement[items.Length];
            for (var i = 0; i < items.Length; i++) array[i] = _element.ReadDecoded(items[i]);
            return (TSequence)(object)array;
        }
        var list = new List<TElement>(items.Length);
        foreach (var item in items) list.Add(_element.ReadDecoded(item));
        return (TSequence)(object)list;
    }

    private static TSequence Built(List<TElement> items) =>
        typeof(TSequence) == typeof(TElement[]) ? (TSequence)(object)items.ToArray() : (TSequence)(object)items;

    internal override void WriteJson(Utf8JsonWriter writer, TSequence value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartArray();
        foreach (var item in value) _element.WriteJson(writer, item);
        writer.WriteEndArray();
    }

    internal override void WriteTypedBytes(OutputBuffer output, TSequence value)
    {
        if (value is null)
        {
            TypedBytesForm.Write(output, null);
            return;
        }
        // A vector states its length first: a sequence that does not know it is counted as it is taken.
        var items = value as IReadOnlyCollection<TElement> ?? value.ToList();
        Codecs.WriteHeader(output, TypedBytesType.Vector, items.Count);
        foreach (var item in items) _element.WriteTypedBytes(output, item);
    }
}
