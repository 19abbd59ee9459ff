// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
namespace Hdnr.Engine.Settings;

/// <summary>One Hadoop 2.8.5 or Hadoop Streaming job setting: its names, Hadoop's default and what launch-local does with it.</summary>
/// <param name="Name">The name Hadoop 2.8.5 documents.</param>
/// <param name="OtherNames">Its deprecated names (Hadoop's DeprecationDelta list) and the old-API names streaming's options set.</param>
/// <param name="Defaults">The values that are Hadoop's default behaviour; empty when Hadoop's default is to leave it unset.</param>
/// <param name="Status">What launch-local does with it.</param>
/// <param name="Note">Why, or which launch-local option sets it.</param>
/// <param name="Trimmed">Whether Hadoop trims the value before it reads it (numbers, booleans and classes; separators are taken as given).</param>
public sealed record HadoopSetting(string Name, IReadOnlyList<string> OtherNames, IReadOnlyList<string> Defaults, SettingStatus Status,
    string Note, bool Trimmed = true)
{
    /// <summary>Whether <paramref name="key"/> is one of this setting's names.</summary>
    public bool IsNamed(string key) => key == Name || OtherNames.Contains(key);

    /// <summary>Whether <paramref name="value"/> is Hadoop's default: the job behaves as if the setting were not given.</summary>
    public bool IsDefault(string value)
    {
        var read = Trimmed ? value.Trim() : value;
        // Configuration.getBoolean ignores case; every other value is compared as Hadoop compares it, exactly.
        return Defaults.Any(d => d == read || (bool.TryParse(d, out _) && string.Equals(d, read, StringComparison.OrdinalIgnoreCase)));
    }
}
