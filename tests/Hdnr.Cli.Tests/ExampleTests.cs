namespace Hdnr.Cli.Tests;

/// <summary>The examples of the README run as documented.</summary>
public sealed class ExampleTests
{
    [Fact]
    public void Vowelcount_counts_each_vowel_of_its_input()
    {
        var mapped = Hdnr.Run(["vowelcount.csx", "map"], File.ReadAllBytes(Hdnr.Example("vowelcount.txt")));
        var result = Hdnr.Run(["vowelcount.csx", "reduce"], ScriptVerbsTests.SortLines(mapped.StdoutBytes));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a\t9\ne\t12\ni\t3\no\t4\nu\t6\n", result.Stdout);
    }

    [Fact]
    public void Spellnumbers_uses_its_nuget_package()
    {
        var mapped = Hdnr.Run(["spellnumbers.csx", "map"], "21 100\n");

        Assert.Equal(0, result(mapped));
        Assert.Equal("twenty\t1\none\t1\none\t1\nhundred\t1\n", mapped.Stdout);

        static int result(ProcessResult r) => r.ExitCode == 0 ? 0 : throw new Xunit.Sdk.XunitException(r.ToString());
    }
}
