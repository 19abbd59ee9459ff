// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
namespace Hdnr.Engine.Settings;

/// <summary>A setting launch-local implements has a value Hadoop 2.8.5 fails the job on; the message names the setting and the values Hadoop takes.</summary>
public sealed class SettingValueException(string message) : Exception(message);
