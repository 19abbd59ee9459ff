namespace Hdnr.Runtime.Files;

/// <summary>A folder or file hdnr would trust is not the user's alone (another owner, writable by others, a symbolic link): its message is one line saying what to do.</summary>
public sealed class UnsafePathException(string message) : IOException(message);
