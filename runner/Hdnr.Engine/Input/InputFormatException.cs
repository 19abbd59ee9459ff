// Input and splits: the bytes a map task reads for its split.
namespace Hdnr.Engine.Input;

/// <summary>A job asks for an input format, record reader or input that launch-local does not read as Hadoop does, so it is refused before anything is touched.</summary>
public sealed class InputFormatException(string message) : Exception(message);
