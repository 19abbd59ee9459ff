namespace Hdnr.Cli.Tests;

/// <summary>A theory about SIGINT, skipped visibly where this process was started with SIGINT ignored (a background job of a shell without job control), as hdnr then is too.</summary>
internal sealed class SigintTheoryAttribute : TheoryAttribute
{
    public SigintTheoryAttribute()
    {
        var ignored = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (ignored is not null && (Convert.ToUInt64(ignored[7..].Trim(), 16) & 0b10) != 0)
            Skip = "SIGINT is ignored in this process (started in the background by a shell without job control), so hdnr started from it ignores SIGINT too.";
    }
}
