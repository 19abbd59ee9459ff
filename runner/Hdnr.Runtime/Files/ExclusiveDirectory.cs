using System.Runtime.InteropServices;

namespace Hdnr.Runtime.Files;

/// <summary>Makes a directory only where nothing is yet: mkdir(2), which fails on any existing path, where .NET's CreateDirectory succeeds on one.</summary>
public static partial class ExclusiveDirectory
{
    private const int AlreadyExists = 17;

    /// <summary>Makes <paramref name="path"/> (its parent must exist); false when something is there already, so another process made it first.</summary>
    /// <exception cref="IOException">mkdir failed for another reason (no permission, a full disk, ...).</exception>
    public static bool TryCreate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(path) || File.Exists(path)) return false;
            Directory.CreateDirectory(path);
            return true;
        }
        if (Mkdir(path, Convert.ToUInt32("777", 8)) == 0) return true;
        var error = Marshal.GetLastPInvokeError();
        return error == AlreadyExists ? false : throw new IOException($"cannot make {path}: {Marshal.GetPInvokeErrorMessage(error)}");
    }

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Mkdir(string path, uint mode);
}
