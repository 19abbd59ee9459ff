using System.Runtime.InteropServices;

namespace Hdnr.Runtime.Files;

/// <summary>What <c>statx</c> says about a path itself (a symbolic link is not followed): its type, owner and mode.</summary>
/// <remarks>.NET gives a file's mode but not its owner; statx's layout is the same on every Linux architecture, unlike stat's.</remarks>
internal readonly partial record struct UnixFileStatus(bool Exists, bool IsSymbolicLink, bool IsDirectory, uint OwnerId, UnixFileMode Mode)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int ENoEnt = 2;
    private const int ENotDir = 20;
    private const ushort TypeMask = 0xF000;
    private const ushort TypeDirectory = 0x4000;
    private const ushort TypeSymbolicLink = 0xA000;

    /// <summary>The effective user id of this process: the user whose files these are to be.</summary>
    public static uint CurrentUserId => GetEffectiveUserId();

    /// <summary>The status of <paramref name="path"/>; <see cref="Exists"/> is false when nothing is there.</summary>
    public static unsafe UnixFileStatus Of(string path)
    {
        // struct statx is 256 bytes: stx_uid at offset 20, stx_mode (16 bits) at 28.
        byte* buffer = stackalloc byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENoEnt or ENotDir) return default;
            throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var uid = *(uint*)(buffer + 20);
        var mode = *(ushort*)(buffer + 28);
        return new UnixFileStatus(true, (mode & TypeMask) == TypeSymbolicLink, (mode & TypeMask) == TypeDirectory, uid, (UnixFileMode)(mode & 0xFFF));
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
