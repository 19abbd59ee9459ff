using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Hdnr.Scripting.Compilation;

/// <summary>Metadata references to the shared framework's assemblies, made once per process.</summary>
public static class FrameworkReferences
{
    /// <summary>One reference per framework dll.</summary>
    public static ImmutableArray<MetadataReference> Value { get; } =
        [.. FrameworkAssemblies.Paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
}
