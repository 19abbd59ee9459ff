namespace Hdnr.Runtime.Jobs;

/// <summary>Says in plain words that a script's Map, Reduce, Combine or *End function has a shape hdnr cannot run.</summary>
public sealed class JobShapeException(string functionName, string message, string code = JobShapeException.ShapeCode) : Exception(message)
{
    /// <summary>The diagnostic code of a function's wrong shape.</summary>
    public const string ShapeCode = "HDNR0001";

    /// <summary>The diagnostic code of steps that do not fit together: a gap, or a step's output types that are not the next step's input types.</summary>
    public const string StepsCode = "HDNR0003";

    /// <summary>The diagnostic code of a class or record declared in the script that cannot travel as a key or value.</summary>
    public const string RecordCode = "HDNR0004";

    /// <summary>The function whose shape is wrong, e.g. <c>Map</c>; for <see cref="RecordCode"/>, the script's type or member at fault, e.g. <c>Visit</c> or <c>Visit.Tags</c>.</summary>
    public string FunctionName { get; } = functionName;

    /// <summary>The compiler-style code the diagnostic line carries.</summary>
    public string Code { get; } = code;
}
