namespace Hdnr.Hadoop.Freezing;

/// <summary>What a frozen bundle asks of the machines that run it.</summary>
public enum FreezeMode
{
    /// <summary>One NativeAOT executable: nothing installed on the nodes (glibc 2.34 or newer when frozen on Debian 12).</summary>
    Native,

    /// <summary>The ReadyToRun self-contained runner plus the compiled script: nothing installed, for scripts whose packages NativeAOT cannot compile.</summary>
    SelfContained,

    /// <summary>The framework-dependent runner plus the compiled script: nodes need the .NET 10 runtime.</summary>
    Framework,
}
