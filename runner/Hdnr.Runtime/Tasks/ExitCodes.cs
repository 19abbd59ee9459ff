namespace Hdnr.Runtime.Tasks;

/// <summary>The exit codes hdnr and a frozen executable end with: one table for both, Hadoop Streaming's where it has one.</summary>
public static class ExitCodes
{
    /// <summary>A script, task or job failed, or another mistake told in one line.</summary>
    public const int Failed = 1;

    /// <summary>A command line that is not understood, a script that does not compile (as a compiler's), or a Hadoop setting launch-local does not implement.</summary>
    public const int Usage = 2;

    /// <summary>A job failed because an input file is truncated or corrupt (Hadoop's job fails with 1 after retrying the task).</summary>
    public const int InputCorrupt = 3;

    /// <summary>The output already exists (Hadoop Streaming's StreamJob: "Output path already exists").</summary>
    public const int OutputExists = 4;

    /// <summary>A job that could not be launched (Hadoop Streaming's: an input path that does not exist); also an OUTPUT that --overwrite must not replace.</summary>
    public const int LaunchError = 5;

    /// <summary>A folder or file hdnr would trust (a cache or scratch directory) that is not the user's alone.</summary>
    public const int UnsafePath = 6;

    /// <summary>Killed by signal <paramref name="number"/>, as a shell reports it: 130 for SIGINT, 143 for SIGTERM.</summary>
    public static int Signal(int number) => 128 + number;
}
