using System.Reflection;
using Xunit.Sdk;

namespace Hdnr.Hadoop.Tests;

/// <summary>The name of each usable <see cref="HadoopTrees"/> tree as a test case; with <see cref="Each"/> false, the first only, for what adds nothing on a second version.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HadoopTreesAttribute : DataAttribute
{
    /// <summary>One case per tree (the default), or only the first tree's.</summary>
    public bool Each { get; init; } = true;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        HadoopTrees.Usable.Take(Each ? int.MaxValue : 1).Select(t => new object[] { t.Name });
}
