namespace Hdnr;

/// <summary>The number of reduce tasks of the step whose function carries it (<c>[Reducers(1)] IEnumerable&lt;(string, int)&gt; Reduce2(...)</c>), over <c>--reducers</c>.</summary>
/// <remarks>Read from the compiled script's metadata, never by running it; any one function of a step may carry it.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReducersAttribute(int count) : Attribute
{
    /// <summary>How many reduce tasks the step runs.</summary>
    public int Count { get; } = count;
}
