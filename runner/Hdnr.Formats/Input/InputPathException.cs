namespace Hdnr.Formats.Input;

/// <summary>An input path that names no readable file, worded as Hadoop's InvalidInputException.</summary>
public sealed class InputPathException(string message) : IOException(message);
