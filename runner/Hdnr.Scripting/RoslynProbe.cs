namespace Hdnr.Scripting;

/// <summary>Tells whether this process has loaded the C# compiler, so tests can prove a cache hit stayed cheap.</summary>
public static class RoslynProbe
{
    /// <summary>The environment variable that makes <see cref="ReportIfAsked"/> print.</summary>
    public const string TraceVariable = "HDNR_TRACE_ASSEMBLIES";

    /// <summary>True when any Microsoft.CodeAnalysis assembly is loaded in this process.</summary>
    public static bool IsRoslynLoaded() =>
        Array.Exists(AppDomain.CurrentDomain.GetAssemblies(),
            a => a.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true);

    /// <summary>When <c>HDNR_TRACE_ASSEMBLIES=1</c>, writes one line <c>hdnr: roslyn loaded: yes|no</c> to <paramref name="error"/>.</summary>
    public static void ReportIfAsked(TextWriter error)
    {
        if (Environment.GetEnvironmentVariable(TraceVariable) == "1")
            error.Write($"hdnr: roslyn loaded: {(IsRoslynLoaded() ? "yes" : "no")}\n");
    }
}
