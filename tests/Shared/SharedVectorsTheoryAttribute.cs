namespace Hdnr.Tests;

/// <summary>A theory that is skipped, with the reason, when the shared vectors folder beside the repository is absent.</summary>
public sealed class SharedVectorsTheoryAttribute : TheoryAttribute
{
    public SharedVectorsTheoryAttribute()
    {
        if (!TestFiles.HaveSharedVectors)
        {
            Skip = $"The shared test vectors folder {TestFiles.SharedVectors} is absent (files from public repositories are never copied into this one).";
        }
    }
}
