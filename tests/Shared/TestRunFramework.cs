using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hdnr.Tests;

/// <summary>xunit's own test framework, which also deletes the run's temp folder (<see cref="TestRunTemp"/>) when the run ends, passed or failed.</summary>
/// <remarks>The test host is stopped right after the run, before an exit handler can be relied on; the framework is disposed first. Each test project names it with an <c>AssemblyAttribute</c> in its project file.</remarks>
public sealed class TestRunFramework : XunitTestFramework
{
    public TestRunFramework(IMessageSink messageSink)
        : base(messageSink)
    {
        _ = TestRunTemp.Folder;
        DisposalTracker.Add(new Deletion());
    }

    // Run when the framework is disposed, after the run's last test.
    private sealed class Deletion : IDisposable
    {
        public void Dispose() => TestRunTemp.Delete();
    }
}
