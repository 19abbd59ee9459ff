namespace Hdnr.Tests;

/// <summary>A fact that is skipped, with the reason, when the shared vectors folder beside the repository is absent.</summary>
public sealed class SharedVectorsFactAttribute : FactAttribute
{
    public SharedVectorsFactAttribute()
    {
        if (!TestFiles.HaveSharedVectors)
        {
            Skip = $"The shared test vectors folder {TestFiles.SharedVectors} is absent (files from public repositories are never copied into this one).";
        }
    }
}
