namespace Hdnr.Scripting;

/// <summary>Tells whether this process has loaded the C# compiler, so tests can prove a cache hit stayed cheap.</summary>
public static class RoslynProbe
{
    /// <summary>The environment variable that makes <see cref="ReportAtExitIfAsked"/> print.</summary>
    public const string TraceVariable = "HDNR_TRACE_ASSEMBLIES";

    private static int armed;

    /// <summary>True when any Microsoft.CodeAnalysis assembly is loaded in this process.</summary>
    public static bool IsRoslynLoaded() =>
        Array.Exists(AppDomain.CurrentDomain.GetAssemblies(),
            a => a.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true);

    /// <summary>The line the probe prints: <c>hdnr: roslyn loaded: yes</c> or <c>... no</c>.</summary>
    public static string Report() => $"hdnr: roslyn loaded: {(IsRoslynLoaded() ? "yes" : "no")}";

    /// <summary>When <c>HDNR_TRACE_ASSEMBLIES=1</c>, arranges for <see cref="Report"/> to be written to stderr as the process exits.</summary>
    /// <remarks><see cref="ScriptCompiler.Load(string)"/> calls this, so any hdnr command that loads a script can be traced without the CLI's help.</remarks>
    public static void ReportAtExitIfAsked()
    {
        if (Environment.GetEnvironmentVariable(TraceVariable) == "1" && Interlocked.Exchange(ref armed, 1) == 0)
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.Error.Write(Report() + "\n");
    }
}
