using System.Runtime.InteropServices;

namespace Hdnr.Runtime.Files;

/// <summary>An exclusive <c>flock</c> on a file, held while the returned stream is open and released by the kernel when the process dies, however it dies.</summary>
public static partial class ExclusiveLock
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;

    /// <summary>Creates <paramref name="path"/> (when <paramref name="create"/>; it must not exist) or opens it, and locks it; null when another process or thread holds the lock, or (not creating) the file is gone.</summary>
    /// <remarks>The explicit flock holds even where .NET's own FileShare locking is turned off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING).</remarks>
    public static FileStream? TryAcquire(string path, bool create)
    {
        FileStream stream;
        try
        {
            var options = new FileStreamOptions { Mode = create ? FileMode.CreateNew : FileMode.Open, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (create && !OperatingSystem.IsWindows()) options.UnixCreateMode = AtomicFile.Private;
            stream = new FileStream(path, options);
        }
        catch (FileNotFoundException) when (!create)
        {
            // Another sweep removed it first: nothing left to lock.
            return null;
        }
        catch (IOException e) when (IsHeld(e, path))
        {
            // .NET's own lock (FileShare.None) says another holds it. Creating, that is a sweep that opened the new file
            // between its creation and its lock (it takes it for a dead job's and removes it): the caller starts again
            // under another name.
            return null;
        }
        if (OperatingSystem.IsWindows() || Flock((int)stream.SafeFileHandle.DangerousGetHandle(), LockExclusive | LockNonBlocking) == 0) return stream;
        stream.Dispose();
        return null;
    }

    // On Unix .NET reports a lock it could not take as an IOException whose HResult is EWOULDBLOCK; any other failure
    // (a full disk, say) is the caller's to see.
    private static bool IsHeld(IOException e, string path) =>
        OperatingSystem.IsWindows() ? File.Exists(path) : e.HResult == (OperatingSystem.IsMacOS() ? 35 : 11);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);
}
