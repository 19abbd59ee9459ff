using Hdnr.Runtime.Conversion;

namespace Hdnr.Runtime.Tasks;

/// <summary>A bound <c>MapEnd</c>, <c>ReduceEnd</c> or <c>CombineEnd()</c>: called once after the last record.</summary>
internal sealed class EndFunction<TPair, TAccess, TOutKey, TOutValue>(string name, Func<IEnumerable<TPair>> end) : BoundFunction(name)
    where TAccess : struct, IPairAccess<TPair, TOutKey, TOutValue>
{
    public override void Run(TaskRun run)
    {
        run.EndFunction = Name;
        IEnumerable<TPair> pairs;
        try
        {
            pairs = end();
        }
        catch (Exception exception) when (InputFailure.IsScripts(exception))
        {
            throw run.ScriptFailed(exception);
        }
        run.Emit<TPair, TAccess, TOutKey, TOutValue>(pairs);
    }
}
