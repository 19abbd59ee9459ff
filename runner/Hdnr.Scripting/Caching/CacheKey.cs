using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Scripting.Directives;
using Hdnr.Scripting.NuGet;

namespace Hdnr.Scripting.Caching;

/// <summary>Names a compiled script by everything its dll depends on, so a changed input is a different entry.</summary>
/// <remarks>
/// Hashed: hdnr's own build (the module version ids of Hdnr.Runtime and Hdnr.Scripting: deterministic builds derive them
/// from the assemblies' whole content, informational version included, so they change exactly when hdnr does, and
/// reading them costs no attribute reflection on the hit path), the .NET runtime version (the script compiles against its assemblies),
/// every file's full path (the PDB names them) and bytes, the <c>nuget:</c> specs, and the size and time of
/// <c>#r</c> dlls. A floating NuGet version resolves once per package set, like the restore cache it shares.
/// </remarks>
internal static class CacheKey
{
    public static string Of(ScriptClosure closure)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Raw bytes rather than formatted strings: this runs on every task start, before anything is warm.
        Span<byte> build = stackalloc byte[8 + 16 + 16 + 16];
        "hdnrkey1"u8.CopyTo(build);
        typeof(ScriptGlobals).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(build[8..]);
        typeof(CacheKey).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(build[24..]);
        var runtime = Environment.Version;
        BinaryPrimitives.WriteInt32LittleEndian(build[40..], runtime.Major);
        BinaryPrimitives.WriteInt32LittleEndian(build[44..], runtime.Minor);
        BinaryPrimitives.WriteInt32LittleEndian(build[48..], runtime.Build);
        BinaryPrimitives.WriteInt32LittleEndian(build[52..], runtime.Revision);
        hash.AppendData(build);
        foreach (var file in closure.Files)
        {
            Append(hash, "\nfile\n" + file.FullPath + "\n");
            if (file.Bytes is null)
            {
                Append(hash, "missing\n");
                continue;
            }
            Append(hash, file.Bytes.Length + "\n");
            hash.AppendData(file.Bytes);
            foreach (var directive in file.Header.Directives)
                if (directive.Kind == DirectiveKind.Reference)
                    Append(hash, "\nref\n" + DescribeReference(directive.Value, file.FullPath));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string DescribeReference(string value, string includingFile)
    {
        if (PackageSpec.IsNuGet(value))
            return PackageSpec.Parse(value, includingFile, 0) is { } spec ? $"nuget {spec.Id.ToLowerInvariant()} {spec.Version}" : value;
        // A dll that is rebuilt in place must invalidate the script; its size and time stand in for its bytes.
        var path = ScriptClosure.Resolve(value, includingFile);
        var info = new FileInfo(path);
        return info.Exists ? $"{value}\n{path}\n{info.Length}\n{info.LastWriteTimeUtc.Ticks}" : value;
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
