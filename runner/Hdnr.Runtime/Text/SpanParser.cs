namespace Hdnr.Runtime.Text;

/// <summary>Reads one encoded key or value as a declared type, boxed; the slow path for non-scalars.</summary>
internal delegate object? SpanParser(ReadOnlySpan<byte> encoded);
