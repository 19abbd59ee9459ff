namespace Hdnr.Cli;

/// <summary>A mistake in how hdnr was called: printed as one line, never with a stack trace.</summary>
internal sealed class UserException(string message) : Exception(message);
