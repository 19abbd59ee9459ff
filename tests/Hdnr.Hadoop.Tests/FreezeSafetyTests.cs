namespace Hdnr.Hadoop.Tests;

/// <summary>freeze ships only what it built, under the name the script has, and writes nothing through a planted link.</summary>
public sealed class FreezeSafetyTests(FrozenUpper upper) : IClassFixture<FrozenUpper>
{
    internal const string Upper = """
        /// Upper-cases each line.
        IEnumerable<(string, string)> Map(long offset, string line)
        {
            yield return (line.ToUpperInvariant(), "");
        }
        """;

    internal static string NewFolder() => Directory.CreateTempSubdirectory("hdnr-freeze-safety-").FullName;

    internal static string Script(string name)
    {
        var path = Path.Combine(NewFolder(), name);
        File.WriteAllText(path, Upper);
        return path;
    }

    internal static ProcessResult Freeze(string script, string archive, string cache, params string[] options) =>
        Hdnr.Run([script, "freeze", archive, "--mode", "framework", .. options], environment: new Dictionary<string, string?> { ["HDNR_CACHE_DIR"] = cache },
            timeout: TimeSpan.FromMinutes(10));

    private static string Unpack(string archive)
    {
        var node = Directory.CreateDirectory(Path.Combine(NewFolder(), "node")).FullName;
        Assert.Equal(0, Processes.Exec("tar", ["xzf", archive, "-C", node]).ExitCode);
        return node;
    }

    [Fact]
    public void A_truncated_cached_executable_is_built_again_not_shipped()
    {
        Assert.Equal(0, upper.Freeze.ExitCode);
        // A copy of the cache the fixture froze into, so that damaging it leaves the fixture's whole.
        var cache = Path.Combine(NewFolder(), "cache");
        Assert.Equal(0, Processes.Exec("cp", ["-a", upper.Cache, cache]).ExitCode);
        var script = upper.Script;
        var cached = Directory.GetFiles(Path.Combine(cache, "frozen"), FrozenUpper.Name, SearchOption.AllDirectories).Single();
        var length = new FileInfo(cached).Length;
        using (var truncate = new FileStream(cached, FileMode.Open)) truncate.SetLength(length / 2);

        var second = Path.Combine(NewFolder(), "second.tgz");
        var freeze = Freeze(script, second, cache);

        Assert.True(freeze.ExitCode == 0, freeze.ToString());
        Assert.DoesNotContain("reused", freeze.Stderr, StringComparison.Ordinal);
        var node = Unpack(second);
        Assert.Equal(length, new FileInfo(Path.Combine(node, FrozenUpper.Name)).Length);
        var run = Processes.Exec(Path.Combine(node, FrozenUpper.Name), ["map"], "a\n"u8.ToArray(), node);
        Assert.Equal("A\t\n", run.Stdout);
        Assert.Contains("(framework, reused)", Freeze(script, Path.Combine(NewFolder(), "third.tgz"), cache).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_named_with_msbuild_escapes_freezes_to_an_executable_of_that_very_name()
    {
        Assert.Equal("pct%41$(HOME);x.csx", Path.GetFileName(upper.Script));

        var freeze = upper.Freeze;

        Assert.True(freeze.ExitCode == 0, freeze.ToString());
        var node = Unpack(upper.Archive);
        Assert.True(File.Exists(Path.Combine(node, "pct%41$(HOME);x")), string.Join("\n", Directory.GetFiles(node)));
        Assert.Equal("A\t\n", Processes.Exec(Path.Combine(node, "pct%41$(HOME);x"), ["map"], "a\n"u8.ToArray(), node).Stdout);
    }

    [Fact]
    public void A_side_file_named_like_the_executable_is_refused_in_one_line_before_freezing()
    {
        var script = Script("upper.csx");
        var side = Path.Combine(NewFolder(), "upper");
        File.WriteAllText(side, "#!/bin/sh\necho replaced\n");
        var archive = Path.Combine(NewFolder(), "upper.tgz");

        var freeze = Freeze(script, archive, Hdnr.SharedCache, "-Z", side);

        Assert.Equal(1, freeze.ExitCode);
        Assert.Equal($"hdnr: -Z {side}: the bundle already has upper at the archive's root, which this side file would replace when unpacked; rename it\n", freeze.Stderr);
        Assert.False(File.Exists(archive));
    }

    [Fact]
    public void Freeze_writes_its_archive_through_a_new_temp_file_never_through_a_planted_link()
    {
        // The fixture's frozen bundle is reused: what is under test is how the archive is written, which is the same either way.
        var script = upper.Script;
        var shared = NewFolder();
        var victim = Path.Combine(NewFolder(), "victim");
        File.WriteAllText(victim, "mine");
        var archive = Path.Combine(shared, "upper.tgz");
        // The old temp names were predictable: ARCHIVE.PID.tmp. Plant one for every pid a process here could get.
        var maxPid = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        for (var pid = 1; pid <= Math.Min(maxPid, 1 << 16); pid++) File.CreateSymbolicLink($"{archive}.{pid}.tmp", victim);

        var freeze = Freeze(script, archive, upper.Cache);

        Assert.True(freeze.ExitCode == 0, freeze.ToString());
        Assert.Equal("mine", File.ReadAllText(victim));
        Assert.Equal(0, Processes.Exec("tar", ["tzf", archive]).ExitCode);
        Assert.Equal(Math.Min(maxPid, 1 << 16) + 1, Directory.GetFileSystemEntries(shared).Length);
    }
}
