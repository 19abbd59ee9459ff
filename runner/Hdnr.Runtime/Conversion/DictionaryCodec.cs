using System.Text;
using System.Text.Json;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>The codec of a <c>Dictionary&lt;K, V&gt;</c> or a dictionary interface: a JSON object whose names are the keys' text form, a typedbytes map.</summary>
/// <typeparam name="TDictionary">The declared type, one a <c>Dictionary&lt;K, V&gt;</c> is.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class DictionaryCodec<TDictionary, TKey, TValue> : Codec<TDictionary>
    where TDictionary : class, IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private readonly Codec<TKey> _key;
    private readonly Codec<TValue> _value;
    private readonly string _name = Jobs.TypeNames.Of(typeof(TDictionary));

    /// <summary>A codec whose keys go through <paramref name="key"/> and values through <paramref name="value"/>.</summary>
    public DictionaryCodec(Codec<TKey> key, Codec<TValue> value)
    {
        _key = key;
        _value = value;
    }

    internal override TDictionary ReadJson(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null!;
        if (reader.TokenType != JsonTokenType.StartObject) throw Codecs.Mismatch(ref reader, _name);
        var dictionary = new Dictionary<TKey, TValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            var key = ReadName(name) ?? throw ObjectConverters.Mismatch(name, _name);
            reader.Read();
            dictionary[key] = _value.ReadJson(ref reader);
        }
        return (TDictionary)(object)dictionary;
    }

    // A name is the key's text form: a scalar's own text, or a container's JSON (a tuple key's name is "[\"x\",1]").
    private TKey? ReadName(string name) =>
        _key is ScalarCodec<TKey> ? _key.ReadDecoded(name) : Codecs.ReadText(_key, Encoding.UTF8.GetBytes(name), Jobs.TypeNames.Of(typeof(TKey)));

    internal override TDictionary ReadDecoded(object? value)
    {
        if (value is null) return null!;
        var entries = ObjectConverters.Entries(value) ?? throw ObjectConverters.Mismatch(value, _name);
        var dictionary = new Dictionary<TKey, TValue>();
        foreach (var (key, item) in entries)
            dictionary[_key.ReadDecoded(key) ?? throw ObjectConverters.Mismatch(key, _name)] = _value.ReadDecoded(item);
        return (TDictionary)(object)dictionary;
    }

    internal override void WriteJson(Utf8JsonWriter writer, TDictionary value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        foreach (var entry in value)
        {
            writer.WritePropertyName(NameOf(entry.Key));
            _value.WriteJson(writer, entry.Value);
        }
        writer.WriteEndObject();
    }

    private string NameOf(TKey key) =>
        typeof(TKey) == typeof(string) ? (string)(object)key
        : _key is ScalarCodec<TKey> ? TextForm.ToText(key)
        : JsonForm.ToJson(_key, key);

    internal override void WriteTypedBytes(OutputBuffer output, TDictionary value)
    {
        if (value is null)
        {
            TypedBytesForm.Write(output, null);
            return;
        }
        var entries = value as IReadOnlyCollection<KeyValuePair<TKey, TValue>> ?? value.ToList();
        Codecs.WriteHeader(output, TypedBytesType.Map, entries.Count);
        foreach (var entry in entries)
        {
            _key.WriteTypedBytes(output, entry.Key);
            _value.WriteTypedBytes(output, entry.Value);
        }
    }
}
