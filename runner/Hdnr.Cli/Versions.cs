using System.Reflection;

namespace Hdnr.Cli;

/// <summary>The version hdnr reports, from the assembly's informational version.</summary>
internal static class Versions
{
    public static string Hdnr =>
        typeof(Versions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
