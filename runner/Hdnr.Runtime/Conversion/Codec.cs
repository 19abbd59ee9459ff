using System.Text.Json;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Conversion;

/// <summary>Reads and writes values of one declared type <typeparamref name="T"/> inside the text form's JSON and as typedbytes, typed all the way down.</summary>
/// <remarks>
/// Built once per declared type when a job is bound (<see cref="Codecs"/>), or named in source by a frozen executable;
/// a codec of a container holds its elements' codecs, so no record needs reflection, <c>Activator</c> or boxing.
/// Failures throw <see cref="ConversionFailure"/>.
/// </remarks>
public abstract class Codec<T>
{
    /// <summary>Reads the JSON value at the reader's current token, leaving the reader on the value's last token.</summary>
    internal abstract T ReadJson(ref Utf8JsonReader reader);

    /// <summary>Reads the value at <paramref name="at"/> of a text-form JSON straight from its bytes when it is of the plainest form (<see cref="JsonScan"/>), moving <paramref name="at"/> past it; false, with <paramref name="at"/> unmoved, leaves it to <see cref="ReadJson"/>.</summary>
    internal virtual bool TryReadText(ReadOnlySpan<byte> text, ref int at, out T value)
    {
        value = default!;
        return false;
    }

    /// <summary>Reads a decoded typedbytes value (or a plain value from the text form's JSON).</summary>
    internal abstract T ReadDecoded(object? value);

    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    internal abstract void WriteJson(Utf8JsonWriter writer, T value);

    /// <summary>Writes <paramref name="value"/> as one typedbytes value.</summary>
    internal abstract void WriteTypedBytes(OutputBuffer output, T value);

    /// <summary>Writes <paramref name="value"/> as <c>[SortValues]</c> fields (<see cref="SortFields"/>); only a tuple of scalars has them.</summary>
    internal virtual void WriteFields(OutputBuffer output, T value) =>
        throw new ConversionFailure($"{Jobs.TypeNames.Of(typeof(T))} has no sort-field form");

    /// <summary>Reads <c>[SortValues]</c> fields written by <see cref="WriteFields"/>.</summary>
    internal virtual T ReadFields(ReadOnlySpan<byte> text) =>
        throw new ConversionFailure($"{Jobs.TypeNames.Of(typeof(T))} has no sort-field form");
}
