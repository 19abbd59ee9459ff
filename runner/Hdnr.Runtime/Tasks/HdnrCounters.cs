namespace Hdnr.Runtime.Tasks;

/// <summary>hdnr's own counters, kept in a group of their own beside Hadoop's.</summary>
public static class HdnrCounters
{
    /// <summary>The group: input records whose key or value, read as a string, held bytes that are not UTF-8 (kept as <see cref="Text.SurrogateEscape"/> says), and the engine's map spills.</summary>
    public const string Group = "hdnr";

    /// <summary>The pairs a map task's Map (and MapEnd) returned into its in-mapper combining buffer.</summary>
    public const string InMapperInput = "In-mapper combine input records";

    /// <summary>The pairs that buffer's Combine returned, which the map task wrote: Hadoop's <c>Map output records</c> of such a task.</summary>
    public const string InMapperOutput = "In-mapper combine output records";
}
