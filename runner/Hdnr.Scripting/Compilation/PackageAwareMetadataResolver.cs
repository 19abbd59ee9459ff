using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Hdnr.Scripting.Compilation;

/// <summary>Resolves <c>#r</c> with Roslyn's script resolver, except <c>nuget:</c> references, whose packages hdnr restored beforehand.</summary>
/// <remarks>
/// The restored packages' dlls are already among the compilation's references, so a <c>nuget:</c> directive resolves to a
/// reference the compilation has anyway (Roslyn reports an unresolved <c>#r</c> as an error, and an empty answer counts as one).
/// The dlls other <c>#r</c>s bring in are remembered, as are the assemblies Roslyn finds beside them: the script needs them
/// at run time. Those found beside hdnr's own assemblies (Hdnr.Runtime's dependencies) are not: the host already has them.
/// </remarks>
internal sealed class PackageAwareMetadataResolver(MetadataReferenceResolver scripts, PortableExecutableReference alreadyReferenced)
    : MetadataReferenceResolver
{
    private static readonly string HostFolder = Path.GetDirectoryName(typeof(Runtime.Jobs.ScriptGlobals).Assembly.Location)!;

    private readonly Lock gate = new();
    private readonly List<string> dlls = [];

    /// <summary>The dlls outside the shared framework that <c>#r</c> directives resolved to, in the order first met.</summary>
    public IReadOnlyList<string> ResolvedDlls
    {
        get
        {
            lock (gate)
                return [.. dlls];
        }
    }

    public override bool ResolveMissingAssemblies => scripts.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(
        string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        if (NuGet.PackageSpec.IsNuGet(reference))
            return [alreadyReferenced];
        var resolved = scripts.ResolveReference(reference, baseFilePath, properties);
        Remember(resolved);
        return resolved;
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        var resolved = scripts.ResolveMissingAssembly(definition, referenceIdentity);
        if (resolved is not null)
            Remember([resolved]);
        return resolved;
    }

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => scripts.GetHashCode();

    private void Remember(ImmutableArray<PortableExecutableReference> references)
    {
        lock (gate)
            foreach (var reference in references)
                if (reference.FilePath is { } path && !FrameworkAssemblies.IsInFolder(path)
                    && Path.GetDirectoryName(Path.GetFullPath(path)) != HostFolder && !dlls.Contains(path))
                    dlls.Add(path);
    }
}
