using System.Reflection;
using Xunit.Sdk;

namespace Hdnr.Hadoop.Tests;

/// <summary>A skipped test case for each tree that was looked for but cannot be used (not installed, its YARN not up), so that the run shows why.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AbsentHadoopTreesAttribute : DataAttribute
{
    public AbsentHadoopTreesAttribute()
    {
        var absent = HadoopTrees.All.Where(c => c.Tree is null).ToList();
        if (absent.Count > 0) Skip = string.Join("; ", absent.Select(c => c.WhyNot));
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        HadoopTrees.All.Where(c => c.Tree is null).Select(c => new object[] { c.Name });
}
