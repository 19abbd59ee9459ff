// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
namespace Hdnr.Engine.Settings;

/// <summary>A job sets a Hadoop setting launch-local does not implement to a value that is not Hadoop's default, so its output would differ from Hadoop's.</summary>
/// <remarks>The value is not repeated: a separator may be a tab or a line end, and the line stays one line.</remarks>
public sealed class UnimplementedSettingException : Exception
{
    /// <summary>The setting <paramref name="key"/> is refused whatever its value.</summary>
    public UnimplementedSettingException(string key)
        : base($"-D {key}: launch-local does not implement this Hadoop setting yet, beyond Hadoop's default; launch passes it to Hadoop.")
    {
    }

    /// <summary>An option or setting (<paramref name="what"/>, as the user gave it) is refused for <paramref name="reason"/>.</summary>
    public UnimplementedSettingException(string what, string reason)
        : base($"{what}: {reason}")
    {
    }

    /// <summary>A refusal told in full by <paramref name="refusal"/>'s one line.</summary>
    public UnimplementedSettingException(string line, Exception refusal)
        : base(line, refusal)
    {
    }
}
