using System.Runtime.InteropServices;

namespace Hdnr.Runtime.Pipes;

/// <summary>The few libc calls pipe hopping needs; Linux only, where the constants below hold.</summary>
internal static partial class Libc
{
    public const int FDupFdCloexec = 1030;
    public const int ORdOnly = 0;
    public const int OCloexec = 0x80000;

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, ref byte buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, in byte buffer, nint count);

    /// <summary>Throws with errno's meaning when a call returned -1.</summary>
    public static int Check(int result, string call) =>
        result != -1 ? result : throw new IOException($"{call} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");

    /// <summary>Returns when the last call failed with <paramref name="errno"/> (to be retried); throws with errno's meaning otherwise.</summary>
    public static void ThrowUnless(int errno, string call)
    {
        var error = Marshal.GetLastPInvokeError();
        if (error != errno) throw new IOException($"{call} failed: {Marshal.GetPInvokeErrorMessage(error)}", error);
    }
}
