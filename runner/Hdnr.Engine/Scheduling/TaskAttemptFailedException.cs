// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
namespace Hdnr.Engine.Scheduling;

/// <summary>One task attempt failed: why, in one line, and the tail of what the script wrote on stderr.</summary>
public sealed class TaskAttemptFailedException(string message, IReadOnlyList<string> stderrTail, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The last lines the task wrote on stderr (reporter lines left out).</summary>
    public IReadOnlyList<string> StderrTail { get; } = stderrTail;
}
