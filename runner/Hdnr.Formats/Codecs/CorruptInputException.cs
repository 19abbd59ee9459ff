namespace Hdnr.Formats.Codecs;

/// <summary>An input file whose compressed data or SequenceFile records are truncated or corrupt, named with the byte offset where it went wrong.</summary>
/// <remarks>Not retried as a failed task attempt: the same bytes fail every attempt the same way.</remarks>
public sealed class CorruptInputException(string message, Exception? inner = null) : IOException(message, inner);
