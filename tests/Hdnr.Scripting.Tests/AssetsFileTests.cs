using System.Runtime.InteropServices;
using Hdnr.Scripting.NuGet;

namespace Hdnr.Scripting.Tests;

/// <summary>Which files of a restored package closure a script compiles against and loads, read from project.assets.json.</summary>
public sealed class AssetsFileTests : IDisposable
{
    private readonly ScriptFolder folder = ScriptFolder.Create();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Compile_and_runtime_dlls_come_from_the_package_folder_without_placeholders_or_framework_copies()
    {
        var packages = Package("lib.a/1.0.0", "ref/net8.0/Lib.A.dll", "lib/net8.0/Lib.A.dll", "lib/net8.0/System.Text.Json.dll");
        var assets = Read($$"""
            "Lib.A/1.0.0": { "type": "package",
              "compile": { "ref/net8.0/Lib.A.dll": {}, "lib/net8.0/System.Text.Json.dll": {} },
              "runtime": { "lib/net8.0/Lib.A.dll": {}, "lib/net8.0/System.Text.Json.dll": {} } },
            "System.Buffers/4.5.1": { "type": "package", "compile": { "ref/netcoreapp2.0/_._": {} }, "runtime": { "lib/netcoreapp2.0/_._": {} } }
            """, """
            "Lib.A/1.0.0": { "type": "package", "path": "lib.a/1.0.0" },
            "System.Buffers/4.5.1": { "type": "package", "path": "system.buffers/4.5.1" }
            """, packages);

        Assert.Equal([Path.Combine(packages, "lib.a/1.0.0/ref/net8.0/Lib.A.dll")], assets.CompilePaths);
        Assert.Equal([Path.Combine(packages, "lib.a/1.0.0/lib/net8.0/Lib.A.dll")], assets.RuntimePaths);
    }

    [Fact]
    public void This_machines_runtime_specific_dlls_replace_the_portable_ones_and_bring_their_native_libraries()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var packages = Package("lib.n/2.0.0", "lib/net8.0/Lib.N.dll", "runtimes/unix/lib/net8.0/Lib.N.dll",
            $"runtimes/{rid}/native/libn.so", "runtimes/win-x64/native/n.dll");
        var assets = Read($$"""
            "Lib.N/2.0.0": { "type": "package",
              "compile": { "lib/net8.0/Lib.N.dll": {} },
              "runtime": { "lib/net8.0/Lib.N.dll": {} },
              "runtimeTargets": {
                "runtimes/unix/lib/net8.0/Lib.N.dll": { "assetType": "runtime", "rid": "unix" },
                "runtimes/{{rid}}/native/libn.so": { "assetType": "native", "rid": "{{rid}}" },
                "runtimes/win-x64/native/n.dll": { "assetType": "native", "rid": "win-x64" } } }
            """, "\"Lib.N/2.0.0\": { \"type\": \"package\", \"path\": \"lib.n/2.0.0\" }", packages);

        Assert.Equal([Path.Combine(packages, "lib.n/2.0.0/lib/net8.0/Lib.N.dll")], assets.CompilePaths);
        Assert.Equal(
            [Path.Combine(packages, "lib.n/2.0.0/runtimes/unix/lib/net8.0/Lib.N.dll"), Path.Combine(packages, $"lib.n/2.0.0/runtimes/{rid}/native/libn.so")],
            assets.RuntimePaths);
    }

    /// <summary>Makes empty files for <paramref name="files"/> of package folder <paramref name="idAndVersion"/>; returns the packages root.</summary>
    private string Package(string idAndVersion, params string[] files)
    {
        var root = Path.Combine(folder.Path, "packages");
        foreach (var file in files)
            folder.Write(Path.Combine("packages", idAndVersion, file), "");
        return root;
    }

    private PackageAssets Read(string targets, string libraries, string packagesRoot) =>
        AssetsFile.Read(folder.Write("project.assets.json", $$"""
            {
              "version": 3,
              "targets": { "net10.0": { {{targets}} } },
              "libraries": { {{libraries}} },
              "packageFolders": { "{{packagesRoot}}/": {} }
            }
            """), "net10.0");
}
