namespace Hdnr.Hadoop.Tests;

/// <summary>A theory that runs real Hadoop jobs, one case per tree of <see cref="HadoopTreesAttribute"/>: skipped, with the reason, where no Hadoop is found.</summary>
public sealed class HadoopTheoryAttribute : TheoryAttribute
{
    public HadoopTheoryAttribute()
    {
        if (HadoopTrees.WhyNone is { } why)
            Skip = $"{why}; source a Hadoop env.sh (HADOOP_HOME, PATH, HADOOP_STREAMING_JAR) to run the jobs on it.";
    }

    /// <summary>The cluster's nodes are said to have no .NET (<c>HDNR_TEST_NODES_WITHOUT_DOTNET=1</c>, set by whoever started it so).</summary>
    public static bool NodesWithoutDotnet => Environment.GetEnvironmentVariable("HDNR_TEST_NODES_WITHOUT_DOTNET") == "1";

    /// <summary>For <c>launch</c>, whose nodes need the .NET 10 runtime: skipped on a cluster whose nodes have none.</summary>
    public bool NodesNeedDotnet
    {
        get => false;
        init
        {
            if (value && Skip is null && NodesWithoutDotnet)
                Skip = "HDNR_TEST_NODES_WITHOUT_DOTNET=1: this cluster's nodes have no .NET, which launch needs (launch-frozen does not).";
        }
    }

    /// <summary>For what launch does on nodes without .NET: run only where the cluster's nodes are said to have none.</summary>
    public bool OnNodesWithoutDotnet
    {
        get => false;
        init
        {
            if (value && Skip is null && !NodesWithoutDotnet)
                Skip = "Needs a cluster whose nodes have no .NET, announced with HDNR_TEST_NODES_WITHOUT_DOTNET=1 (e.g. YARN started in a mount namespace that hides /usr/share/dotnet).";
        }
    }
}
