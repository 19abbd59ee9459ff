namespace Hdnr.Runtime.Jobs;

/// <summary>Says in plain words that a script's Map, Reduce, Combine or *End function has a shape hdnr cannot run.</summary>
public sealed class JobShapeException(string functionName, string message) : Exception(message)
{
    /// <summary>The function whose shape is wrong, e.g. <c>Map</c>.</summary>
    public string FunctionName { get; } = functionName;
}
