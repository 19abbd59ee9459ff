using Hdnr.Runtime.Jobs;

namespace Hdnr.Runtime.Tests.Support;

/// <summary>Keeps what a script reported, in order.</summary>
internal sealed class RecordingReporter : ITaskReporter
{
    public List<string> Reports { get; } = [];

    public void Counter(string group, string name, long amount) => Reports.Add($"counter {group}/{name} {amount}");

    public void Status(string message) => Reports.Add($"status {message}");
}
