// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
namespace Hdnr.Engine.Settings;

/// <summary>A job sets what Hadoop Streaming 2.8.5 refuses to launch with (the new API's input format), refused with Hadoop's words.</summary>
public sealed class IncompatibleSettingException(string message) : IOException(message);
