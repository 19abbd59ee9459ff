using Microsoft.CodeAnalysis;

namespace Hdnr.Scripting.Compilation;

/// <summary>Resolves <c>#load</c> like Roslyn's file resolver but serves the bytes hdnr already hashed, so the cache key always matches what was compiled.</summary>
internal sealed class SnapshotSourceResolver(SourceFileResolver files, IReadOnlyDictionary<string, byte[]> snapshots)
    : SourceReferenceResolver
{
    public override string? NormalizePath(string path, string? baseFilePath) => files.NormalizePath(path, baseFilePath);

    public override string? ResolveReference(string path, string? baseFilePath) => files.ResolveReference(path, baseFilePath);

    public override Stream OpenRead(string resolvedPath) =>
        snapshots.TryGetValue(resolvedPath, out var bytes)
            ? new MemoryStream(bytes, writable: false)
            : files.OpenRead(resolvedPath);

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => files.GetHashCode();
}
