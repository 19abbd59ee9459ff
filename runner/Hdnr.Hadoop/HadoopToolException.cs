namespace Hdnr.Hadoop;

/// <summary>Why freeze or launch could not do what it was asked: one line for the user, never a stack trace.</summary>
public sealed class HadoopToolException(string message) : Exception(message);
