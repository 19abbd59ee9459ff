using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Hdnr.Scripting.Compilation;

/// <summary>Metadata references to the shared framework's assemblies, made once per process.</summary>
internal static class FrameworkReferences
{
    public static ImmutableArray<MetadataReference> Value { get; } =
        [.. FrameworkAssemblies.Paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
}
