using Hdnr.Runtime.Jobs;

namespace Hdnr.Runtime.Tests.Jobs;

/// <summary>The task runtime stays slim: what a frozen bundle carries of hdnr is this one assembly.</summary>
public sealed class TaskRuntimeTests
{
    [Fact]
    public void The_task_runtime_references_only_the_framework()
    {
        var references = typeof(ScriptJob).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal).ToList();
        Assert.All(references, name => Assert.True(
            name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal),
            $"Hdnr.Runtime references {name}: a frozen bundle would have to carry it"));
    }
}
