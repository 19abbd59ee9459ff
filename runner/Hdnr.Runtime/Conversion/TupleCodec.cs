using System.Text.Json;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.TypedBytes;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>The codec of a value tuple: a JSON array, a typedbytes vector, one item per element, each through its own codec.</summary>
/// <typeparam name="TTuple">The declared tuple type, e.g. <c>(string, int)</c>.</typeparam>
public sealed class TupleCodec<TTuple> : Codec<TTuple>
    where TTuple : struct
{
    private readonly TupleItem<TTuple>[] _items;
    private readonly string _name = Jobs.TypeNames.Of(typeof(TTuple));

    /// <summary>A codec over <paramref name="items"/>, in order (<see cref="TupleCodecs"/> makes them).</summary>
    public TupleCodec(params TupleItem<TTuple>[] items) => _items = items;

    internal override TTuple ReadJson(ref Utf8JsonReader reader)
    {
        // A copy of the reader is the value's start, for the message that shows it whole.
        var start = reader;
        if (reader.TokenType != JsonTokenType.StartArray) throw Codecs.Mismatch(ref start, _name);
        var tuple = default(TTuple);
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == _items.Length) throw Codecs.Mismatch(ref start, _name);
            _items[count++].ReadJson(ref tuple, ref reader);
        }
        return count == _items.Length ? tuple : throw Codecs.Mismatch(ref start, _name);
    }

    internal override bool TryReadText(ReadOnlySpan<byte> text, ref int at, out TTuple value)
    {
        value = default;
        var i = at;
        if (i >= text.Length || text[i] != (byte)'[') return false;
        for (var n = 0; n < _items.Length; n++)
        {
            i = JsonScan.Skip(text, i + 1);
            if (!_items[n].TryReadText(ref value, text, ref i)) return false;
            i = JsonScan.Skip(text, i);
            if (i >= text.Length || text[i] != (n == _items.Length - 1 ? (byte)']' : (byte)',')) return false;
        }
        at = i + 1;
        return true;
    }

    internal override TTuple ReadDecoded(object? value)
    {
        var items = ObjectConverters.Items(value);
        if (items is null || items.Length != _items.Length) throw ObjectConverters.Mismatch(value, _name);
        var tuple = default(TTuple);
        for (var i = 0; i < items.Length; i++) _items[i].ReadDecoded(ref tuple, items[i]);
        return tuple;
    }

    internal override void WriteJson(Utf8JsonWriter writer, TTuple value)
    {
        writer.WriteStartArray();
        foreach (var item in _items) item.WriteJson(writer, in value);
        writer.WriteEndArray();
    }

    internal override void WriteTypedBytes(OutputBuffer output, TTuple value)
    {
        Codecs.WriteHeader(output, TypedBytesType.Vector, _items.Length);
        foreach (var item in _items) item.WriteTypedBytes(output, in value);
    }

    internal override void WriteFields(OutputBuffer output, TTuple value)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (i > 0) output.WriteByte((byte)'\t');
            _items[i].WriteField(output, in value);
        }
    }

    internal override TTuple ReadFields(ReadOnlySpan<byte> text)
    {
        var tuple = default(TTuple);
        var rest = text;
        for (var i = 0; i < _items.Length; i++)
        {
            var tab = rest.IndexOf((byte)'\t');
            var last = i == _items.Length - 1;
            if (last != (tab < 0))
                throw new ConversionFailure($"cannot read {Text.TextForm.Quote(text)} as {_name}: it holds {text.Count((byte)'\t') + 1} tab-separated fields, not {_items.Length}");
            _items[i].ReadField(ref tuple, last ? rest : rest[..tab]);
            if (!last) rest = rest[(tab + 1)..];
        }
        return tuple;
    }
}

/// <summary>One item of a tuple: its codec and how to get and set it without boxing the tuple.</summary>
public abstract class TupleItem<TTuple>
{
    internal abstract void ReadJson(ref TTuple tuple, ref Utf8JsonReader reader);

    internal abstract bool TryReadText(ref TTuple tuple, ReadOnlySpan<byte> text, ref int at);

    internal abstract void ReadDecoded(ref TTuple tuple, object? value);

    internal abstract void WriteJson(Utf8JsonWriter writer, in TTuple tuple);

    internal abstract void WriteTypedBytes(OutputBuffer output, in TTuple tuple);

    internal abstract void WriteField(OutputBuffer output, in TTuple tuple);

    internal abstract void ReadField(ref TTuple tuple, ReadOnlySpan<byte> text);
}

/// <summary>Sets an item of a tuple in place.</summary>
public delegate void ItemSetter<TTuple, TItem>(ref TTuple tuple, TItem value);

/// <summary>Gets an item of a tuple.</summary>
public delegate TItem ItemGetter<TTuple, TItem>(in TTuple tuple);

/// <summary>Item <typeparamref name="TItem"/> of a tuple <typeparamref name="TTuple"/>.</summary>
public sealed class TupleItem<TTuple, TItem>(Codec<TItem> codec, ItemGetter<TTuple, TItem> get, ItemSetter<TTuple, TItem> set) : TupleItem<TTuple>
{
    internal override void ReadJson(ref TTuple tuple, ref Utf8JsonReader reader) => set(ref tuple, codec.ReadJson(ref reader));

    internal override bool TryReadText(ref TTuple tuple, ReadOnlySpan<byte> text, ref int at)
    {
        if (!codec.TryReadText(text, ref at, out var item)) return false;
        set(ref tuple, item);
        return true;
    }

    internal override void ReadDecoded(ref TTuple tuple, object? value) => set(ref tuple, codec.ReadDecoded(value));

    internal override void WriteJson(Utf8JsonWriter writer, in TTuple tuple) => codec.WriteJson(writer, get(in tuple));

    internal override void WriteTypedBytes(OutputBuffer output, in TTuple tuple) => codec.WriteTypedBytes(output, get(in tuple));

    internal override void WriteField(OutputBuffer output, in TTuple tuple) => SortFields.Write(output, get(in tuple));

    internal override void ReadField(ref TTuple tuple, ReadOnlySpan<byte> text) => set(ref tuple, SortFields.Read<TItem>(text));
}
