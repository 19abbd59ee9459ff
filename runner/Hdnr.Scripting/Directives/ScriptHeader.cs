namespace Hdnr.Scripting.Directives;

/// <summary>What the lines before a script's first code token say: its directives and its doc.</summary>
internal sealed record ScriptHeader(IReadOnlyList<Directive> Directives, string Doc);
