// Scratch: the job's private working folder, and what a killed job left behind.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hdnr.Formats.Output;
using Hdnr.Runtime.Files;

namespace Hdnr.Engine.Scratch;

/// <summary>A job's scratch folder, <c>$TMPDIR/hdnr-UID/JOB-RANDOM</c>, the user's alone, locked for the job's life and removed when it ends.</summary>
/// <remarks>
/// As Hadoop's per-user local directories: spills hold the input's data, so the user's folder is created 0700 (and
/// refused when it is a link, another user's, or writable by others), the job's folder 0700 and its files 0600. Beside the
/// job's folder, <c>JOB-RANDOM.lock</c> carries a flock for the job's life: the kernel releases it however the process
/// ends, so a lock that can be taken marks a job that is gone, and the next launch-local removes what it left.
/// </remarks>
internal sealed class ScratchDirectory : IDisposable
{
    /// <summary>The mode of every folder hdnr creates for a job's scratch data.</summary>
    public const UnixFileMode DirectoryMode = PrivatePath.DirectoryMode;

    /// <summary>The mode of every file hdnr creates for a job's scratch data.</summary>
    public const UnixFileMode FileMode = AtomicFile.Private;

    private readonly FileStream _lock;
    private readonly string _lockPath;

    private ScratchDirectory(string path, string lockPath, FileStream lockStream)
    {
        Path = path;
        _lockPath = lockPath;
        _lock = lockStream;
    }

    /// <summary>The job's folder.</summary>
    public string Path { get; }

    /// <summary>This user's folder of job folders: <c>$TMPDIR/hdnr-UID</c>.</summary>
    public static string UserRoot => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hdnr-" + PrivatePath.CurrentUser);

    /// <summary>Removes what killed jobs left (finishing or undoing their work on their OUTPUT, said on <paramref name="log"/>), then creates and locks a new folder for the job <paramref name="jobId"/>.</summary>
    /// <exception cref="UnsafePathException">The user's folder is a link, another user's, or writable by others.</exception>
    public static ScratchDirectory Create(string jobId, TextWriter log)
    {
        var root = PrivatePath.EnsureDirectory(UserRoot, "launch-local's scratch directory", "(or set TMPDIR to a folder of your own)");
        SweepDead(root, log);
        while (true)
        {
            var name = $"{jobId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
            var lockPath = System.IO.Path.Combine(root, name + ".lock");
            var held = ExclusiveLock.TryAcquire(lockPath, create: true);
            // A sweep may have taken and removed the new lock file before this process locked it: start again.
            if (held is null || !File.Exists(lockPath))
            {
                held?.Dispose();
                continue;
            }
            // The lock file names this process, so a sweep after a kill can remove the runtime's files it left in TMPDIR.
            held.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
            held.Flush();
            var path = System.IO.Path.Combine(root, name);
            try
            {
                if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
                else Directory.CreateDirectory(path, DirectoryMode);
            }
            catch
            {
                held.Dispose();
                AtomicFile.TryDelete(lockPath);
                throw;
            }
            return new ScratchDirectory(path, lockPath, held);
        }
    }

    /// <summary>Removes the folders of jobs whose lock no process holds, after recovering their output, and folders without a lock file.</summary>
    private static void SweepDead(string root, TextWriter log)
    {
        foreach (var lockPath in Directory.EnumerateFiles(root, "*.lock"))
        {
            using var held = ExclusiveLock.TryAcquire(lockPath, create: false);
            if (held is null) continue;
            OutputJournal.Recover(lockPath[..^".lock".Length], log);
            if (int.TryParse(new StreamReader(held).ReadToEnd(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) DeadRuntimeFiles.Remove(pid);
            TryDelete(lockPath[..^".lock".Length]);
            AtomicFile.TryDelete(lockPath);
        }
        // A job creates its lock file before its folder and removes its folder first: a folder without one is left over.
        foreach (var folder in Directory.EnumerateDirectories(root))
            if (!File.Exists(folder + ".lock")) TryDelete(folder);
    }

    /// <summary>Removes the job's folder, then its lock file.</summary>
    public void Dispose()
    {
        TryDelete(Path);
        if (!Directory.Exists(Path)) AtomicFile.TryDelete(_lockPath);
        _lock.Dispose();
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A task process that was killed may still hold a file; the next launch-local removes the rest.
        }
    }
}
