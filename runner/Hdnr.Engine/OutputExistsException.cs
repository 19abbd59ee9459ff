namespace Hdnr.Engine;

/// <summary>The job's output directory exists already: Hadoop's FileAlreadyExistsException, which streaming answers with exit code 4.</summary>
public sealed class OutputExistsException(string message) : IOException(message);
