namespace Hdnr.Scripting.Directives;

/// <summary>One <c>#r</c> or <c>#load</c> line: its kind, the quoted text and its 1-based line.</summary>
internal sealed record Directive(DirectiveKind Kind, string Value, int Line);
