namespace Hdnr.Hadoop.Tests;

/// <summary><see cref="FreezeSafetyTests.Upper"/> frozen once in framework mode into a compile cache of its own, for the tests of <see cref="FreezeSafetyTests"/> that need a frozen entry to start from.</summary>
public sealed class FrozenUpper
{
    public FrozenUpper()
    {
        Cache = FreezeSafetyTests.NewFolder();
        Script = FreezeSafetyTests.Script("upper.csx");
        Freeze = FreezeSafetyTests.Freeze(Script, Path.Combine(FreezeSafetyTests.NewFolder(), "first.tgz"), Cache);
    }

    /// <summary>The cache holding the script's compiled entry and its frozen bundle, and nothing else.</summary>
    public string Cache { get; }

    public string Script { get; }

    internal ProcessResult Freeze { get; }
}
