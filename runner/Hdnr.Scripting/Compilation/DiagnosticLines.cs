using System.Globalization;
using Hdnr.Scripting.Directives;
using Microsoft.CodeAnalysis;

namespace Hdnr.Scripting.Compilation;

/// <summary>Writes compiler errors the way csc does, naming the user's files as they know them.</summary>
internal static class DiagnosticLines
{
    /// <summary>The errors (not warnings) of <paramref name="diagnostics"/>, each as <c>wc.csx(3,17): error CS1002: ; expected</c>.</summary>
    public static List<string> Errors(IEnumerable<Diagnostic> diagnostics, ScriptClosure closure) =>
        diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Format(d, closure))
            .Distinct()
            .ToList();

    /// <summary>A line <c>FILE(LINE,COLUMN): error CODE: MESSAGE</c> for <paramref name="location"/>.</summary>
    public static string At(Location location, ScriptClosure closure, string code, string message)
    {
        if (!location.IsInSource)
            return $"{closure.UserPath}: error {code}: {message}";
        var span = location.GetLineSpan();
        var position = span.StartLinePosition;
        var file = string.IsNullOrEmpty(span.Path) ? closure.UserPath : closure.DisplayPath(span.Path);
        return $"{file}({position.Line + 1},{position.Character + 1}): error {code}: {message}";
    }

    private static string Format(Diagnostic diagnostic, ScriptClosure closure) =>
        At(diagnostic.Location, closure, diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture));
}
