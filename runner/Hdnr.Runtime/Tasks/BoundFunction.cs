namespace Hdnr.Runtime.Tasks;

/// <summary>A script function bound once to a typed delegate, ready to run over a task's input.</summary>
internal abstract class BoundFunction(string name)
{
    /// <summary>The script's name for it, e.g. <c>Map</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Runs the function over the whole input (or, for an *End function, once).</summary>
    public abstract void Run(TaskRun run);

    /// <summary>For a Combine that takes and returns the map's pair types, a buffer of at most <paramref name="limit"/> bytes that runs it over <paramref name="run"/>'s map output before it is written; null otherwise.</summary>
    public virtual IInMapperCounts? InMapper(TaskRun run, long limit) => null;
}
