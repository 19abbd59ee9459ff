namespace Hdnr.Cli.Tests;

/// <summary>hdnr explains itself: help on every level, and its version.</summary>
public sealed class HelpTests
{
    [Fact]
    public void Help_lists_the_script_verbs()
    {
        var result = Hdnr.Run(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("pipe map|reduce|combine", result.Stdout);
        Assert.Contains("readtb", result.Stdout);
    }

    [Fact]
    public void A_verb_has_its_own_help()
    {
        var result = Hdnr.Run(["wc.csx", "map", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--io", result.Stdout);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var result = Hdnr.Run(["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^hdnr\n\d+\.\d+\.\d+", result.Stdout);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var result = Hdnr.Run(["wc.csx", "map", "--no-such-option"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("hdnr: ", result.Stderr);
    }
}
