// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
namespace Hdnr.Engine.Scheduling;

/// <summary>Where a task attempt runs.</summary>
public enum Isolation
{
    /// <summary>On a thread of the engine, with a fresh script instance per attempt: fastest, same output.</summary>
    InProcess,

    /// <summary>As a separate <c>hdnr SCRIPT pipe TASK</c> process in its own working directory, as a cluster's task does.</summary>
    Process,
}
