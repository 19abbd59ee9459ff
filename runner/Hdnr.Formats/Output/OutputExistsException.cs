namespace Hdnr.Formats.Output;

/// <summary>The job's output directory exists already: Hadoop's FileAlreadyExistsException, which streaming answers with exit code 4.</summary>
/// <param name="message">What exists.</param>
/// <param name="replaceable">Whether <c>--overwrite</c> would replace it (not so for the output a running job writes).</param>
public sealed class OutputExistsException(string message, bool replaceable = true) : IOException(message)
{
    /// <summary>Whether <c>--overwrite</c> would replace the output.</summary>
    public bool Replaceable { get; } = replaceable;
}
