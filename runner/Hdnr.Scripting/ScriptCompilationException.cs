namespace Hdnr.Scripting;

/// <summary>A script that cannot be compiled, with one compiler-style line per error.</summary>
/// <remarks>Each line reads like <c>wc.csx(3,17): error CS1002: ; expected</c>, so editors and users can jump to it.</remarks>
public sealed class ScriptCompilationException(IReadOnlyList<string> diagnostics)
    : Exception(string.Join('\n', diagnostics))
{
    /// <summary>The error lines, in the order the compiler reported them.</summary>
    public IReadOnlyList<string> Diagnostics { get; } = diagnostics;
}
