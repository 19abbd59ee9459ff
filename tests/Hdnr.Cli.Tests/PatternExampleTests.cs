using Hdnr.Tests;

namespace Hdnr.Cli.Tests;

/// <summary>The README's patterns (secondary sort, join, sessions, top N, inverted index) as examples/ runs them: through the pipe and launch-local, against the committed expected bytes.</summary>
public sealed class PatternExampleTests
{
    /// <summary>Each example, its launch-local input, and how its map reads in the pipe (one map per input file, named with --input-file).</summary>
    public static readonly IReadOnlyList<(string Name, string Input, string[] MapFiles)> Examples =
    [
        ("sessions", "sessions.tsv", ["sessions.tsv"]),
        ("join", "join", ["join/users.tsv", "join/orders.tsv"]),
        ("topn", "topn.tsv", ["topn.tsv"]),
        ("index", "index", ["index/a.txt", "index/b.txt", "index/c.txt"]),
    ];

    [Fact]
    public void Each_pattern_runs_through_map_then_the_sort_verb_then_reduce_to_its_expected_output()
    {
        var output = Directory.CreateTempSubdirectory("hdnr-patterns-").FullName;
        var hdnr = $"dotnet {Path.Combine(AppContext.BaseDirectory, "hdnr.dll")}";
        var script = string.Join("\n", Examples.Select(e =>
        {
            SharedCompileCache.Prepare(Hdnr.Example(e.Name + ".csx"));
            var maps = string.Join("; ", e.MapFiles.Select(f => $"{hdnr} {e.Name}.csx map --input-file {f} < {f}"));
            return $"({maps}) | {hdnr} {e.Name}.csx sort | {hdnr} {e.Name}.csx reduce > {output}/{e.Name}.txt || exit 1";
        }));

        var result = Processes.Exec("bash", ["-c", "set -o pipefail\n" + script], null, Path.Combine(Hdnr.RepoRoot, "examples"),
            new Dictionary<string, string?> { ["HDNR_CACHE_DIR"] = Hdnr.SharedCache }, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var (name, _, _) in Examples)
            Assert.Equal(File.ReadAllText(Hdnr.Example($"expected/{name}.txt")), File.ReadAllText(Path.Combine(output, name + ".txt")));
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("process")]
    public void Each_pattern_gives_its_expected_part_files_with_two_reducers_under_launch_local(string isolation)
    {
        var root = Directory.CreateTempSubdirectory("hdnr-patterns-").FullName;
        foreach (var (name, input, _) in Examples)
        {
            var output = Path.Combine(root, name);

            var result = Hdnr.Run([name + ".csx", "launch-local", input, output, "--reducers", "2", "--isolation", isolation]);

            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (var part in (string[])["part-00000", "part-00001"])
                Assert.Equal(File.ReadAllBytes(Hdnr.Example($"expected/{name}/{part}")), File.ReadAllBytes(Path.Combine(output, part)));
        }
    }
}
