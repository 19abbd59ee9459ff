namespace Hdnr.Tests;

/// <summary>A test that makes files owned by another user (<c>chown</c>), which only root can: skipped, with the reason, for anyone else.</summary>
public sealed class RootFactAttribute : Xunit.FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            Skip = "Needs root to give a file to another user (chown); run the tests as root to check that hdnr refuses another user's files.";
    }
}
