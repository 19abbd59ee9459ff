using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Runtime.Tasks;

/// <summary>Turns whatever stopped a task into the one line the CLI prints before it exits 1.</summary>
public static class TaskFailure
{
    /// <summary>One line for <paramref name="exception"/>: hdnr's own messages as they are, anything else as its type and message.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ScriptException or RecordConversionException or JobShapeException => exception.Message,
            _ => $"{exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ").Trim()}",
        };
    }
}
