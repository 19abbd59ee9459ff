using System.Diagnostics;
using System.Globalization;

namespace Hdnr.Runtime.Tasks;

/// <summary>An exception thrown by the script's own code, with the .csx line that threw it and the record being processed.</summary>
/// <remarks>The message is the one line the CLI prints: <c>wc.csx:5: Map failed at record 3 (byte offset 17): InvalidOperationException: boom</c>.</remarks>
public sealed class ScriptException : Exception
{
    internal ScriptException(string function, string where, long? record, long? offset, Exception inner)
        : this(function, where, record, offset, ScriptFrame.Of(inner), inner)
    {
    }

    private ScriptException(string function, string where, long? record, long? offset, (string File, int Line)? frame, Exception inner)
        : base(Compose(where, frame, inner), inner)
    {
        Function = function;
        Record = record;
        Offset = offset;
        ScriptFile = frame?.File;
        ScriptLine = frame?.Line;
    }

    /// <summary>The script function that was running, e.g. <c>Map</c> or <c>ReduceEnd</c>; for the script's top-level statements, <c>top-level statements</c>.</summary>
    public string Function { get; }

    /// <summary>The number (from 1) of the input record being processed, when there was one.</summary>
    public long? Record { get; }

    /// <summary>The input byte offset of that record, when there was one.</summary>
    public long? Offset { get; }

    /// <summary>The .csx file of the innermost script frame, when the compiled script's PDB named one.</summary>
    public string? ScriptFile { get; }

    /// <summary>The line in <see cref="ScriptFile"/>.</summary>
    public int? ScriptLine { get; }

    /// <summary>Wraps a failure of a task function while it processed record <paramref name="record"/>.</summary>
    internal static ScriptException AtRecord(string function, long record, long offset, Exception inner) =>
        new(function, string.Create(CultureInfo.InvariantCulture, $"{function} failed at record {record} (byte offset {offset})"),
            record, offset, inner);

    /// <summary>Wraps a failure of Combine run by a map task over its own output (in-mapper combining), which has read <paramref name="records"/> records.</summary>
    internal static ScriptException InMapTask(string function, long records, Exception inner) =>
        new(function, string.Create(CultureInfo.InvariantCulture, $"{function} failed in the map task, combining its output after record {records}"),
            null, null, inner);

    /// <summary>Wraps a failure of a *Start function, which runs before the first record.</summary>
    internal static ScriptException BeforeFirstRecord(string function, Exception inner) =>
        new(function, $"{function} failed before the first record", null, null, inner);

    /// <summary>Wraps a failure of an *End function, which runs after the last record.</summary>
    internal static ScriptException AfterLastRecord(string function, long records, Exception inner) =>
        new(function, string.Create(CultureInfo.InvariantCulture, $"{function} failed after the last record (record {records})"),
            null, null, inner);

    /// <summary>Wraps a failure of the script's top-level statements, which run before any record.</summary>
    internal static ScriptException InTopLevelStatements(Exception inner) =>
        new("top-level statements", "the script's top-level statements failed", null, null, inner);

    private static string Compose(string where, (string File, int Line)? frame, Exception inner)
    {
        var location = frame is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f.File}:{f.Line}: ") : "";
        return $"{location}{where}: {inner.GetType().Name}: {OneLine(inner.Message)}";
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();

    /// <summary>Finds where in the user's .csx an exception was thrown, from the stack trace the embedded PDB makes readable.</summary>
    /// <remarks>A native executable has no PDB: it asks the line its script's code tracks (<see cref="Frozen.ScriptLine"/>), which no other mode sets.</remarks>
    private static class ScriptFrame
    {
        public static (string File, int Line)? Of(Exception exception)
        {
            foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
            {
                var file = frame.GetFileName();
                if (file is not null && file.EndsWith(".csx", StringComparison.OrdinalIgnoreCase))
                    return (file, frame.GetFileLineNumber());
            }
            return Frozen.ScriptLine.Of(exception);
        }
    }
}
