namespace Hdnr.Runtime.Conversion;

/// <summary>Says why a class or record declared in the script cannot travel as a key or value, naming the type and the member.</summary>
/// <param name="type">The script's type.</param>
/// <param name="member">The member at fault, or null when the type itself is.</param>
/// <param name="message">The one-line reason.</param>
public sealed class RecordShapeException(Type type, string? member, string message) : Exception(message)
{
    /// <summary>The script's type at fault.</summary>
    public Type Type { get; } = type;

    /// <summary>The member at fault, or null when the type itself is.</summary>
    public string? Member { get; } = member;
}
