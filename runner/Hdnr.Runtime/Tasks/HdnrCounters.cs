namespace Hdnr.Runtime.Tasks;

/// <summary>hdnr's own counters, kept in a group of their own beside Hadoop's.</summary>
public static class HdnrCounters
{
    /// <summary>The group: input records whose key or value, read as a string, held bytes that are not UTF-8 (kept as <see cref="Text.SurrogateEscape"/> says), and the engine's map spills.</summary>
    public const string Group = "hdnr";
}
