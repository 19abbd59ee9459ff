namespace Hdnr.Runtime.Jobs;

/// <summary>Receives the counters and status messages a running task reports.</summary>
public interface ITaskReporter
{
    void Counter(string group, string name, long amount);

    void Status(string message);

    /// <summary>Delivers whatever the reporter still holds; a task calls it when it ends, finished or failed.</summary>
    void Flush()
    {
    }
}
