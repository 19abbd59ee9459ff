using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hdnr.Runtime.Files;
using Hdnr.Scripting.Caching;

namespace Hdnr.Hadoop.Freezing;

/// <summary>Where frozen bundles are kept between freezes (<c>frozen/</c> in hdnr's cache folder), and whether a kept one may be shipped again.</summary>
/// <remarks>
/// An entry is <c>KEY/bundle/</c> and <c>KEY/bundle.manifest</c>: every file's SHA-256, size, mode and path, then
/// <c>end</c>. The manifest is written (atomically) before the bundle folder is moved into place, so a bundle is only
/// ever seen with the manifest it was made with; one whose files no longer match it (truncated, changed, or a file
/// added) is built again, and cache folders and files that are not the user's alone are refused, as the compile cache's.
/// </remarks>
internal static class FrozenCache
{
    private const string Header = "hdnr-bundle 1";

    /// <summary>The <c>frozen</c> folder of the cache <paramref name="variable"/> names, created private to the user.</summary>
    /// <exception cref="UnsafePathException">A cache folder is a link, another user's, or writable by others.</exception>
    public static string Root(Func<string, string?> variable) =>
        CacheDirectory.EnsurePrivate(Path.Combine(CacheDirectory.EnsurePrivate(CacheDirectory.Locate(variable)), "frozen"));

    /// <summary>The manifest beside the bundle folder <paramref name="bundle"/>.</summary>
    public static string ManifestOf(string bundle) => bundle + ".manifest";

    /// <summary>True when <paramref name="bundle"/> exists, is the user's alone, and holds exactly the files its manifest lists, byte for byte.</summary>
    public static bool IsWhole(string bundle)
    {
        if (!CacheDirectory.CheckEntry(bundle) || !CacheDirectory.CheckEntry(ManifestOf(bundle))) return false;
        try
        {
            return File.ReadAllText(ManifestOf(bundle)) == Describe(bundle);
        }
        catch (Exception e) when (e is IOException and not UnsafePathException or UnauthorizedAccessException)
        {
            // A file that cannot be read cannot be shipped either: build the bundle again.
            return false;
        }
    }

    /// <summary>Writes the manifest of the finished bundle <paramref name="built"/> as the one of <paramref name="bundle"/>, where it is about to be moved.</summary>
    public static void Seal(string built, string bundle) =>
        AtomicFile.Write(ManifestOf(bundle), Encoding.UTF8.GetBytes(Describe(built)), AtomicFile.Private);

    /// <summary>The manifest text of the bundle folder <paramref name="bundle"/>, checking that each file is the user's alone.</summary>
    private static string Describe(string bundle)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var path in Directory.EnumerateFileSystemEntries(bundle, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            CacheDirectory.CheckEntry(path);
            if (Directory.Exists(path)) continue;
            var relative = Path.GetRelativePath(bundle, path);
            if (relative.Contains('\n')) throw new IOException($"{path}: a bundle file's name holds a newline");
            using var file = File.OpenRead(path);
            var hash = Convert.ToHexStringLower(SHA256.HashData(file));
            var mode = OperatingSystem.IsWindows() ? 0 : (int)File.GetUnixFileMode(path);
            text.Append(CultureInfo.InvariantCulture, $"{hash} {file.Length} {Convert.ToString(mode, 8)} {relative}\n");
        }
        return text.Append("end\n").ToString();
    }
}
