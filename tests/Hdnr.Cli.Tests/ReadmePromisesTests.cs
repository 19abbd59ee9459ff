using System.Text.RegularExpressions;

namespace Hdnr.Cli.Tests;

/// <summary>README's "What hdnr promises" names, for each promise, tests that exist: a renamed or deleted test cannot leave a promise unproven.</summary>
public sealed partial class ReadmePromisesTests
{
    [Fact]
    public void Every_test_a_promise_names_exists_in_the_file_it_names()
    {
        var readme = File.ReadAllText(Path.Combine(Hdnr.RepoRoot, "README.md"));
        var start = readme.IndexOf("## What hdnr promises", StringComparison.Ordinal);
        var section = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];

        var named = Reference().Matches(section).SelectMany(m =>
            m.Groups["tests"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(test => (File: m.Groups["file"].Value, Test: test))).ToList();

        Assert.True(named.Count >= 20, $"only {named.Count} tests named");
        var missing = named.Where(n =>
        {
            var path = Path.Combine(Hdnr.RepoRoot, "tests", n.File);
            return !File.Exists(path) || !Regex.IsMatch(File.ReadAllText(path), $@"\bpublic [\w. ]+ {Regex.Escape(n.Test)}\(");
        }).Select(n => $"{n.File}: {n.Test}");
        Assert.Empty(missing);
    }

    // `Project/File.cs: Test_one, Test_two` inside backquotes, possibly over several lines.
    [GeneratedRegex(@"`(?<file>Hdnr\.[\w.]+/[\w/]+\.cs): (?<tests>[\w,\s]+)`")]
    private static partial Regex Reference();
}
