// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
namespace Hdnr.Engine.Settings;

/// <summary>A job sets a Hadoop setting launch-local does not implement to a value that is not Hadoop's default, so its output would differ from Hadoop's.</summary>
/// <remarks>The value is not repeated: a separator may be a tab or a line end, and the line stays one line.</remarks>
public sealed class UnimplementedSettingException : Exception
{
    /// <summary>The setting <paramref name="key"/>, given with <c>-D</c>, is not implemented beyond Hadoop's default.</summary>
    public UnimplementedSettingException(string key)
        : this($"-D {key}", "this Hadoop setting yet, beyond Hadoop's default")
    {
    }

    /// <summary>The option or setting <paramref name="given"/> (as <c>-D key</c> or <c>--option</c>) asks for what <paramref name="what"/> says launch-local does not implement.</summary>
    public UnimplementedSettingException(string given, string what)
        : base($"{given}: launch-local does not implement {what}; launch passes it to Hadoop.")
    {
    }
}
