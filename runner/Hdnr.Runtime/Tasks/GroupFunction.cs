using System.Diagnostics.CodeAnalysis;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Tasks;

/// <summary>A bound <c>Reduce</c> or <c>Combine(K key, IEnumerable&lt;V&gt; values)</c>: called once per run of consecutive equal keys.</summary>
/// <remarks>Keys are equal when their encoded bytes are, which is how Hadoop's shuffle sorted and grouped them.</remarks>
internal sealed class GroupFunction<TKey, TValue, TPair, TAccess, TOutKey, TOutValue> : BoundFunction
    where TAccess : struct, IPairAccess<TPair, TOutKey, TOutValue>
{
    private readonly Func<TKey, IEnumerable<TValue>, IEnumerable<TPair>> _reduce;
    private readonly ValueReader<TKey> _keys = new();
    private readonly ValueReader<TValue> _values = new();

    [RequiresDynamicCode("Builds parsers for a script's declared types.")]
    [RequiresUnreferencedCode("Builds parsers for a script's declared types.")]
    public GroupFunction(string name, Func<TKey, IEnumerable<TValue>, IEnumerable<TPair>> reduce)
        : base(name) => _reduce = reduce;

    public override IInMapperCounts? InMapper(TaskRun run, long limit) =>
        typeof(TKey) == typeof(TOutKey) && typeof(TValue) == typeof(TOutValue)
            ? new InMapperCombiner<TOutKey, TOutValue, TPair, TAccess>(run, Name, (Func<TOutKey, IEnumerable<TOutValue>, IEnumerable<TPair>>)(object)_reduce, limit)
            : null;

    public override void Run(TaskRun run)
    {
        var reader = run.Reader;
        var more = reader.Next();
        while (more)
        {
            TKey key;
            try
            {
                key = run.SortFields ? SortFields.Read<TKey>(reader.Key)
                    : run.TextInput ? (run.RawInput ? _keys.FromLine(reader.Key) : _keys.FromText(reader.Key)) : _keys.FromTypedBytes(reader.Key);
            }
            catch (ConversionFailure failure)
            {
                throw run.Unreadable("key", failure);
            }
            var values = new GroupValues<TValue>(run, _values, keyNotUtf8: SurrogateEscape.TakeEscaped());
            IEnumerable<TPair> pairs;
            try
            {
                pairs = _reduce(key, values);
            }
            catch (Exception exception) when (InputFailure.IsScripts(exception))
            {
                throw run.ScriptFailed(exception);
            }
            run.Emit<TPair, TAccess, TOutKey, TOutValue>(pairs);
            more = values.Finish();
        }
    }
}
