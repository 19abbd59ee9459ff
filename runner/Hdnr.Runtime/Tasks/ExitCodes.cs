namespace Hdnr.Runtime.Tasks;

/// <summary>The exit codes hdnr and a frozen executable end with: one table for both (README, "Exit codes"), Hadoop Streaming's where it has one.</summary>
public static class ExitCodes
{
    /// <summary>A task failed: the script threw, or a task or data verb (map, reduce, combine, readtb, writetb) could not read its input; any non-zero code fails a task in Hadoop.</summary>
    public const int Failed = 1;

    /// <summary>A command line that is not understood (an unknown verb or option, a missing script, no verb), or a Hadoop setting launch-local does not implement.</summary>
    public const int Usage = 2;

    /// <summary>A job failed because an input file is truncated or corrupt (Hadoop's job fails with 1 after retrying the task).</summary>
    public const int InputCorrupt = 3;

    /// <summary>The output already exists (Hadoop Streaming's StreamJob: "Output path already exists").</summary>
    public const int OutputExists = 4;

    /// <summary>A job that could not be launched (Hadoop Streaming's: an input path that does not exist); also an OUTPUT that --overwrite must not replace.</summary>
    public const int LaunchError = 5;

    /// <summary>A folder or file hdnr would trust (a cache or scratch directory) that is not the user's alone.</summary>
    public const int UnsafePath = 6;

    /// <summary>The script does not compile, or a function has a shape hdnr cannot run.</summary>
    public const int CompileError = 7;

    /// <summary>launch-local's job failed: a task failed all its attempts, and no output was committed.</summary>
    public const int JobFailed = 8;

    /// <summary>Killed by signal <paramref name="number"/>, as a shell reports it: 130 for SIGINT, 143 for SIGTERM.</summary>
    public static int Signal(int number) => 128 + number;
}
