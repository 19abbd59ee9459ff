// Output and commit: what a job may replace when it writes its output.
namespace Hdnr.Engine.Output;

/// <summary>An output that <c>--overwrite</c> must not replace (it is or holds an input, the script, the working, home or temporary directory), refused before anything changes.</summary>
public sealed class OutputPathException(string message) : IOException(message);
