namespace Hdnr;

/// <summary>Put on <c>Reduce</c>: each key's values arrive ordered by the value (a tuple item by item, numbers as numbers, strings by their UTF-8 bytes), through Hadoop's own key field partitioner and comparator.</summary>
/// <remarks>
/// Read from the compiled script's metadata when a job is bound (<see cref="Runtime.Jobs.ValueSort"/>), never by running
/// the script: the map task writes each pair as the key's fields then the value's, and the job sorts on them.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SortValuesAttribute : Attribute
{
    /// <summary>Largest value first when true; smallest first by default.</summary>
    public bool Descending { get; set; }
}
