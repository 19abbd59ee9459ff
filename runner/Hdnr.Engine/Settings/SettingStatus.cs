// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
namespace Hdnr.Engine.Settings;

/// <summary>What launch-local does with a Hadoop setting.</summary>
public enum SettingStatus
{
    /// <summary>launch-local does what Hadoop does with it.</summary>
    Implemented,

    /// <summary>Accepted: it changes no job's output (resources, scheduling, names), so launch-local has nothing to do with it.</summary>
    NoEffect,

    /// <summary>Refused with one line when set to anything but Hadoop's default; <c>launch</c> passes it to Hadoop.</summary>
    NotImplemented,
}
