namespace Hdnr.Hadoop.Tests;

/// <summary><see cref="FreezeSafetyTests.Upper"/>, under a name that holds MSBuild's escapes, frozen once in framework mode into a compile cache of its own, for the tests of <see cref="FreezeSafetyTests"/> that need a freeze.</summary>
/// <remarks>Each freeze is a <c>dotnet publish</c> that costs many seconds of both cores, so these tests share one.</remarks>
public sealed class FrozenUpper
{
    /// <summary>The executable's name, which MSBuild would read as an escape (<c>%41</c>), a property (<c>$(HOME)</c>) and a list (<c>;</c>).</summary>
    public const string Name = "pct%41$(HOME);x";

    public FrozenUpper()
    {
        Cache = FreezeSafetyTests.NewFolder();
        Script = FreezeSafetyTests.Script(Name + ".csx");
        Archive = Path.Combine(FreezeSafetyTests.NewFolder(), "first.tgz");
        Freeze = FreezeSafetyTests.Freeze(Script, Archive, Cache);
    }

    /// <summary>The cache holding the script's compiled entry and its frozen bundle, and nothing else.</summary>
    public string Cache { get; }

    public string Script { get; }

    public string Archive { get; }

    internal ProcessResult Freeze { get; }
}
