using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Hdnr.Tests;

/// <summary>The one temp folder of a test run: every temp file the run makes, in the test process and in the processes it starts, goes into it, and it goes away when the run ends, passed or failed.</summary>
/// <remarks>
/// Tests make their folders with <see cref="Directory.CreateTempSubdirectory(string?)"/> (or a child process makes its
/// own under <c>TMPDIR</c>), and a failed assertion never reaches a test's own clean-up; so the run points
/// <c>TMPDIR</c> at a folder of its own before any test runs and deletes that folder when the run ends
/// (<see cref="TestRunFramework"/>). A run that was killed cannot delete its folder: the next run deletes the folders of
/// runs whose process is gone.
/// </remarks>
internal static class TestRunTemp
{
    private const string Prefix = "hdnr-test-run-";

    /// <summary>The run's temp folder, also <c>TMPDIR</c> of this process and of every process it starts.</summary>
    public static readonly string Folder = Create();

    // A test assembly has no other hook that runs before every test class; CA2255 warns libraries, not test hosts.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => _ = Folder;

    private static string Create()
    {
        var parent = Path.GetTempPath();
        foreach (var stale in Directory.GetDirectories(parent, Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(stale)[Prefix.Length..], out var pid) && !Alive(pid)) Delete(stale);
        }
        var folder = Directory.CreateDirectory(Path.Combine(parent, Prefix + Environment.ProcessId)).FullName;
        foreach (var name in (string[])["TMPDIR", "TMP", "TEMP"]) Environment.SetEnvironmentVariable(name, folder);
        // Also at exit, where the host lets the process end rather than stopping it after the run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(folder);
        return folder;
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Deletes the run's folder: the run is over.</summary>
    public static void Delete() => Delete(Folder);

    // Some tests take permissions away from folders they made (a foreign scratch folder, an unreadable input): give
    // them back so the run's own files can go.
    private static void Delete(string folder)
    {
        if (!Directory.Exists(folder)) return;
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                foreach (var directory in Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }).Prepend(folder))
                {
                    try
                    {
                        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Not ours (another user's file a test made through sudo): the delete below says what is left.
                    }
                }
            }
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"hdnr tests: could not delete the run's temp folder {folder}: {e.Message}");
        }
    }
}
