namespace Hdnr.Runtime.Jobs;

/// <summary>A task that a script can define, in the order <c>info</c> lists them.</summary>
public enum TaskKind
{
    Map,
    Reduce,
    Combine,
}
