using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tasks;

/// <summary>One run of a task over its input: where records come from, where pairs go, and how failures are told.</summary>
internal sealed class TaskRun(string function, RecordReader reader, PairSink sink, TaskIo io, ITaskReporter reporter)
{
    // One counter per function, as Hadoop counts map, combine and reduce input records apart.
    private readonly string _notUtf8Name = $"{function} input records not valid UTF-8";

    public string Function { get; } = function;

    public RecordReader Reader { get; } = reader;

    public PairSink Sink { get; } = sink;

    /// <summary>Whether keys and values arrive as bytes read as text (text, keyonlytext, rawbytes) rather than typed bytes.</summary>
    public bool TextInput { get; } = io.Input != WireFormat.TypedBytes;

    /// <summary>Whether keys and values are rawbytes, which a <c>byte[]</c> gets as they are (text gives it the base64 hdnr writes).</summary>
    public bool RawInput { get; } = io.Input == WireFormat.RawBytes;

    /// <summary>Whether a map's key is its line's byte offset (text io whose stdin holds values alone), rather than the record's key bytes (the input format's key before <see cref="TaskIo.MapInputSeparator"/>, or another io's key).</summary>
    public bool OffsetKeys { get; } = io.Input == WireFormat.Text && io.MapInputSeparator is null;

    /// <summary>Whether keys and values arrive as <c>[SortValues]</c> fields (<see cref="SortFields"/>).</summary>
    public bool SortFields { get; } = io.Sort is not null;

    /// <summary>How many fields a value is written as, when <see cref="SortFields"/>.</summary>
    public int ValueFields { get; } = io.Sort?.ValueFields ?? 0;

    /// <summary>The map task's buffer for running Combine over its own output (an <see cref="InMapperBuffer{TKey, TValue}"/> of the map's pair types), or null when pairs go straight to <see cref="Sink"/>.</summary>
    public IInMapperCounts? InMapper { get; set; }

    /// <summary>Set while an *End function runs, so failures say "after the last record".</summary>
    public string? EndFunction { get; set; }

    public Exception ScriptFailed(Exception inner) => EndFunction is { } end
        ? ScriptException.AfterLastRecord(end, Reader.Record, inner)
        : ScriptException.AtRecord(Function, Reader.Record, Reader.Offset, inner);

    /// <summary>Counts a record that held bytes that are not UTF-8.</summary>
    public void NotUtf8Record() => reporter.Counter(HdnrCounters.Group, _notUtf8Name, 1);

    public RecordConversionException Unreadable(string role, ConversionFailure failure) =>
        RecordConversionException.Reading(Function, Reader.Record, Reader.Offset, role, failure.Message);

    public RecordConversionException Unwritable(ConversionFailure failure) => EndFunction is { } end
        ? RecordConversionException.WritingAtEnd(end, Reader.Record, failure.Message)
        : RecordConversionException.Writing(Function, Reader.Record, Reader.Offset, failure.Message);

    /// <summary>Runs the script's sequence of pairs and writes each, telling the script's failures from hdnr's.</summary>
    public void Emit<TPair, TAccess, TKey, TValue>(IEnumerable<TPair>? pairs)
        where TAccess : struct, IPairAccess<TPair, TKey, TValue>
    {
        if (pairs is null) return;
        var buffer = InMapper as InMapperBuffer<TKey, TValue>;
        IEnumerator<TPair> enumerator;
        try
        {
            enumerator = pairs.GetEnumerator();
        }
        catch (Exception exception) when (InputFailure.IsScripts(exception))
        {
            throw ScriptFailed(exception);
        }
        try
        {
            while (true)
            {
                TPair pair;
                try
                {
                    if (!enumerator.MoveNext()) break;
                    pair = enumerator.Current;
                }
                catch (Exception exception) when (InputFailure.IsScripts(exception))
                {
                    throw ScriptFailed(exception);
                }
                try
                {
                    if (buffer is null) Sink.Write(TAccess.Key(pair), TAccess.Value(pair));
                    else buffer.Add(TAccess.Key(pair), TAccess.Value(pair));
                }
                catch (ConversionFailure failure)
                {
                    throw Unwritable(failure);
                }
            }
        }
        finally
        {
            // An iterator's finally blocks are script code too.
            try
            {
                enumerator.Dispose();
            }
            catch (Exception exception) when (InputFailure.IsScripts(exception))
            {
#pragma warning disable CA2219 // A failing Dispose is reported only when the loop itself did not fail first.
                throw ScriptFailed(exception);
#pragma warning restore CA2219
            }
        }
    }
}
