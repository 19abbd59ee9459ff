using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Jobs;

namespace Hdnr.Runtime.Tasks;

/// <summary>Turns whatever stopped a task into the one line hdnr and a frozen executable print before they exit with <see cref="ExitCodes.Failed"/>.</summary>
public static class TaskFailure
{
    /// <summary>Whether <paramref name="exception"/> is a failure told in one line (the script's, its records', or reading and writing files), not a bug.</summary>
    public static bool IsTold(Exception exception) =>
        IsTheScripts(exception) || exception is IOException or UnauthorizedAccessException or InvalidDataException;

    /// <summary>The line for a failure <see cref="IsTold"/> accepts: the script's own as they are, file problems after <paramref name="program"/>'s name.</summary>
    public static string Line(Exception exception, string program)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return IsTheScripts(exception) ? exception.Message : $"{program}: {exception.Message}";
    }

    /// <summary>One line for <paramref name="exception"/>: hdnr's own messages as they are, anything else as its type and message.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return IsTheScripts(exception)
            ? exception.Message
            : $"{exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ").Trim()}";
    }

    // The script's own failures and its records': their messages already name the file, line and record.
    private static bool IsTheScripts(Exception exception) =>
        exception is ScriptException or RecordConversionException or JobShapeException;
}
