namespace Hdnr.Runtime.Jobs;

/// <summary>The members a script calls without qualification: its view of the running task.</summary>
/// <remarks>Roslyn compiles every script with this as its globals type; one instance serves one task.</remarks>
public class ScriptGlobals(ITaskReporter reporter, TaskContext context)
{
    /// <summary>The running task: its kind, ids, input file, the job's settings and its directories.</summary>
    public TaskContext Context { get; } = context;

    /// <summary>Adds <paramref name="amount"/> to a Hadoop counter.</summary>
    public void Counter(string group, string name, long amount = 1) => reporter.Counter(group, name, amount);

    /// <summary>Sets the task's status message.</summary>
    public void Status(string message) => reporter.Status(message);
}
