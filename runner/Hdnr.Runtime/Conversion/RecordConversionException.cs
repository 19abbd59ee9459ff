using System.Globalization;

namespace Hdnr.Runtime.Conversion;

/// <summary>An input key or value that cannot be read as the script's declared type, or an output that cannot be written.</summary>
/// <remarks>The message is one line naming the task, the record and the value: <c>Reduce could not read record 3 (byte offset 17): value: cannot read "abc" as int</c>.</remarks>
public sealed class RecordConversionException : Exception
{
    internal RecordConversionException(string function, long record, long offset, string problem)
        : base(string.Create(CultureInfo.InvariantCulture, $"{function} could not {problem}"))
    {
        Function = function;
        Record = record;
        Offset = offset;
    }

    /// <summary>The script function the record was for, e.g. <c>Map</c>.</summary>
    public string Function { get; }

    /// <summary>The number (from 1) of the input record; for output, the last record read.</summary>
    public long Record { get; }

    /// <summary>The input byte offset of that record.</summary>
    public long Offset { get; }

    internal static RecordConversionException Reading(string function, long record, long offset, string role, string failure) =>
        new(function, record, offset,
            string.Create(CultureInfo.InvariantCulture, $"read record {record} (byte offset {offset}): {role}: {failure}"));

    internal static RecordConversionException Writing(string function, long record, long offset, string failure) =>
        new(function, record, offset,
            string.Create(CultureInfo.InvariantCulture, $"write a pair it returned for record {record} (byte offset {offset}): {failure}"));

    internal static RecordConversionException WritingAtEnd(string function, long records, string failure) =>
        new(function, records, -1,
            string.Create(CultureInfo.InvariantCulture, $"write a pair it returned after the last record (record {records}): {failure}"));
}
