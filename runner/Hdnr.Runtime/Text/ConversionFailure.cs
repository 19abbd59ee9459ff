namespace Hdnr.Runtime.Text;

/// <summary>Says why one value could not be read as the declared type; the task loop adds which record it was.</summary>
internal sealed class ConversionFailure(string message) : Exception(message);
