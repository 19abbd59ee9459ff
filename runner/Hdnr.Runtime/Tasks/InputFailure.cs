using Hdnr.Runtime.Conversion;

namespace Hdnr.Runtime.Tasks;

/// <summary>Carries a failure to read the task's input through the script's call stack, so it is not blamed on the script.</summary>
/// <remarks>A reduce pulls its values from inside script code; StreamingTask unwraps this and rethrows the original.</remarks>
internal sealed class InputFailure(Exception inner) : Exception(inner.Message, inner)
{
    /// <summary>True for exceptions the script threw itself, as opposed to hdnr's input and conversion failures.</summary>
    public static bool IsScripts(Exception exception) => exception is not (RecordConversionException or InputFailure);
}
