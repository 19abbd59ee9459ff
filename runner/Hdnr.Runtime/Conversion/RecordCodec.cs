using System.Text.Json;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>The codec of a class or record declared in the script: exactly the codec of the tuple of its members (<see cref="RecordShape"/>), with null as a container's null.</summary>
/// <typeparam name="TRecord">The script's type.</typeparam>
/// <typeparam name="TTuple">The value tuple of its members' types.</typeparam>
/// <param name="items">The tuple's codec.</param>
/// <param name="build">Builds a value from its members: a constructor call or an object initializer, compiled once (or written in a frozen executable's source).</param>
/// <param name="split">A value's members as the tuple.</param>
public sealed class RecordCodec<TRecord, TTuple>(Codec<TTuple> items, Func<TTuple, TRecord> build, Func<TRecord, TTuple> split) : Codec<TRecord>
{
    internal override TRecord ReadJson(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null && !typeof(TRecord).IsValueType ? default! : build(items.ReadJson(ref reader));

    internal override bool TryReadText(ReadOnlySpan<byte> text, ref int at, out TRecord value)
    {
        value = default!;
        if (!items.TryReadText(text, ref at, out var tuple)) return false;
        value = build(tuple);
        return true;
    }

    internal override TRecord ReadDecoded(object? value) =>
        value is null && !typeof(TRecord).IsValueType ? default! : build(items.ReadDecoded(value));

    internal override void WriteJson(Utf8JsonWriter writer, TRecord value)
    {
        if (value is null) writer.WriteNullValue();
        else items.WriteJson(writer, split(value));
    }

    internal override void WriteTypedBytes(OutputBuffer output, TRecord value)
    {
        if (value is null) TypedBytesForm.Write(output, null);
        else items.WriteTypedBytes(output, split(value));
    }

    internal override void WriteFields(OutputBuffer output, TRecord value) =>
        items.WriteFields(output, split(value ?? throw new ConversionFailure($"a null {Jobs.TypeNames.Of(typeof(TRecord))} has no [SortValues] fields: Hadoop sorts each of its members' text")));

    internal override TRecord ReadFields(ReadOnlySpan<byte> text) => build(items.ReadFields(text));
}
