using System.Diagnostics.CodeAnalysis;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Tasks;

/// <summary>A bound <c>Map(K key, V value)</c>: called once per input record.</summary>
internal sealed class MapFunction<TKey, TValue, TPair, TAccess, TOutKey, TOutValue> : BoundFunction
    where TAccess : struct, IPairAccess<TPair, TOutKey, TOutValue>
{
    private readonly Func<TKey, TValue, IEnumerable<TPair>> _map;
    private readonly ValueReader<TKey> _keys = new();
    private readonly ValueReader<TValue> _values = new();

    [RequiresDynamicCode("Builds parsers for a script's declared types.")]
    [RequiresUnreferencedCode("Builds parsers for a script's declared types.")]
    public MapFunction(string name, Func<TKey, TValue, IEnumerable<TPair>> map)
        : base(name) => _map = map;

    public override void Run(TaskRun run)
    {
        var reader = run.Reader;
        while (reader.Next())
        {
            var key = ReadKey(run);
            var value = ReadValue(run);
            if (SurrogateEscape.TakeEscaped()) run.NotUtf8Record();
            IEnumerable<TPair> pairs;
            try
            {
                pairs = _map(key, value);
            }
            catch (Exception exception) when (InputFailure.IsScripts(exception))
            {
                throw run.ScriptFailed(exception);
            }
            run.Emit<TPair, TAccess, TOutKey, TOutValue>(pairs);
        }
    }

    private TKey ReadKey(TaskRun run)
    {
        try
        {
            // Text: the line's offset, unless the input format's key stands before the value (KeyValueTextInputFormat, NLineInputFormat, ...).
            return run.OffsetKeys ? _keys.FromOffset(run.Reader.Offset)
                : run.TextInput ? _keys.FromLine(run.Reader.Key) : _keys.FromTypedBytes(run.Reader.Key);
        }
        catch (ConversionFailure failure)
        {
            throw run.Unreadable("key", failure);
        }
    }

    private TValue ReadValue(TaskRun run)
    {
        try
        {
            return run.TextInput ? _values.FromLine(run.Reader.Value) : _values.FromTypedBytes(run.Reader.Value);
        }
        catch (ConversionFailure failure)
        {
            throw run.Unreadable("value", failure);
        }
    }
}
