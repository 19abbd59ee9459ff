namespace Hdnr.Scripting.Directives;

/// <summary>The script directives hdnr acts on.</summary>
internal enum DirectiveKind
{
    /// <summary><c>#r "..."</c>: a dll, a framework assembly name or a <c>nuget:</c> package.</summary>
    Reference,

    /// <summary><c>#load "..."</c>: another script compiled into this one.</summary>
    Load,
}
