namespace Hdnr.Cli;

/// <summary>The lines of a unified diff body (<c> </c> kept, <c>-</c> expected only, <c>+</c> actual only), by the longest common subsequence.</summary>
internal static class UnifiedDiff
{
    public static IEnumerable<string> Lines(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        // Examples are a few lines long, so the quadratic table costs nothing.
        var common = new int[expected.Count + 1, actual.Count + 1];
        for (var i = expected.Count - 1; i >= 0; i--)
            for (var j = actual.Count - 1; j >= 0; j--)
                common[i, j] = expected[i] == actual[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        int a = 0, b = 0;
        while (a < expected.Count || b < actual.Count)
        {
            if (a < expected.Count && b < actual.Count && expected[a] == actual[b])
            {
                yield return " " + expected[a++];
                b++;
            }
            else if (a < expected.Count && (b == actual.Count || common[a + 1, b] >= common[a, b + 1]))
                yield return "-" + expected[a++];
            else
                yield return "+" + actual[b++];
        }
    }
}
