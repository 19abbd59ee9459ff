using System.Diagnostics;
using System.Runtime.Versioning;

namespace Hdnr.Cli.Tests;

/// <summary>A user's files are the user's alone: the compile cache and launch-local's scratch data are private, and what another user could have changed is refused.</summary>
[SupportedOSPlatform("linux")]
public sealed class PrivateFilesTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The user id the tests run as, as hdnr names its scratch folder.</summary>
    private static readonly string Uid = Processes.Exec("id", ["-u"]).Stdout.Trim();

    private static string NewFolder(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    private static string NewOutput() => Path.Combine(NewFolder("hdnr-private-out-"), "out");

    private static void Chown(string path, string owner) => Assert.Equal(0, Processes.Exec("chown", ["-R", owner, path]).ExitCode);

    // ---- the compile cache

    [Fact]
    public void A_cache_directory_others_can_write_is_refused_in_one_line_naming_it_and_the_fix()
    {
        var cache = Path.Combine(NewFolder("hdnr-cache-"), "hdnr");
        File.SetUnixFileMode(Directory.CreateDirectory(cache).FullName, Private | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute);

        var run = Hdnr.Run(["wc.csx", "info"], [], cacheDir: cache);

        Assert.Equal(6, run.ExitCode);
        Assert.Equal($"hdnr: hdnr's cache directory {cache} is writable by its group or others, who could change what hdnr runs or reads: "
            + $"run 'chmod 700 {cache}' if nothing in it is foreign, else remove it (or set HDNR_CACHE_DIR to a folder of your own)\n", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [RootFact]
    public void A_cache_entry_another_user_owns_is_refused_though_its_checksum_matches()
    {
        var cache = Path.Combine(NewFolder("hdnr-cache-"), "hdnr");
        Assert.Equal(0, Hdnr.Run(["wc.csx", "info"], [], cacheDir: cache).ExitCode);
        var manifest = Directory.GetFiles(Path.Combine(cache, "scripts"), "*.manifest").Single();
        Chown(manifest, "12345");

        var run = Hdnr.Run(["wc.csx", "map"], "a b a\n"u8.ToArray(), cacheDir: cache);

        Assert.Equal(6, run.ExitCode);
        Assert.Equal($"hdnr: the cache entry {manifest} belongs to user id 12345, not to you (user id {Uid}): have it removed "
            + "(or set HDNR_CACHE_DIR to a folder of your own)\n", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [RootFact]
    public void A_cache_directory_another_user_owns_is_refused()
    {
        var cache = Path.Combine(NewFolder("hdnr-cache-"), "hdnr");
        Directory.CreateDirectory(cache, Private);
        Chown(cache, "12345");

        var run = Hdnr.Run(["wc.csx", "info"], [], cacheDir: cache);

        Assert.Equal(6, run.ExitCode);
        Assert.Equal($"hdnr: hdnr's cache directory {cache} belongs to user id 12345, not to you (user id {Uid}): have it removed "
            + "(or set HDNR_CACHE_DIR to a folder of your own)\n", run.Stderr);
    }

    [Fact]
    public void A_symbolic_link_where_hdnr_makes_a_cache_folder_is_refused_and_not_followed()
    {
        var cache = Path.Combine(NewFolder("hdnr-cache-"), "hdnr");
        Directory.CreateDirectory(cache, Private);
        var elsewhere = NewFolder("hdnr-elsewhere-");
        File.SetUnixFileMode(elsewhere, Private | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        Directory.CreateSymbolicLink(Path.Combine(cache, "scripts"), elsewhere);

        var run = Hdnr.Run(["wc.csx", "info"], [], cacheDir: cache);

        Assert.Equal(6, run.ExitCode);
        Assert.Equal($"hdnr: hdnr's cache directory {cache}/scripts is a symbolic link, which hdnr does not follow there: remove it "
            + "(or set HDNR_CACHE_DIR to a folder of your own)\n", run.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        Assert.Equal(Private | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(elsewhere));
    }

    [Fact]
    public void HDNR_CACHE_DIR_may_be_a_symbolic_link_to_a_folder_of_the_users_own()
    {
        var target = NewFolder("hdnr-cache-target-");
        var link = Path.Combine(NewFolder("hdnr-cache-link-"), "cache");
        Directory.CreateSymbolicLink(link, target);

        var run = Hdnr.Run(["wc.csx", "map"], "a b a\n"u8.ToArray(), cacheDir: link);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("a\t1\nb\t1\na\t1\n", run.Stdout);
        Assert.Single(Directory.GetFiles(Path.Combine(target, "scripts"), "*.dll"));
        Assert.Equal(Private, File.GetUnixFileMode(target));
    }

    [Fact]
    public void A_nuget_package_id_holding_msbuild_syntax_is_refused_in_one_line()
    {
        var script = TempScript.Write("""
            #r "nuget: Humanizer$(Evil), 2.14.1"
            /// Never restored.
            IEnumerable<(string, int)> Map(long offset, string line) { yield return (line, 1); }
            """, "evil.csx");

        var run = Hdnr.Run([script.Path, "info"], []);

        Assert.Equal(7, run.ExitCode);
        Assert.Equal($"{script.Path}(1,1): error HDNR0002: 'nuget: Humanizer$(Evil), 2.14.1' names no NuGet package; write #r \"nuget: Name, Version\" "
            + "(a name holds letters, digits, '.', '-' and '_'; a version digits, letters and .-+*[](),).\n", run.Stderr);
    }

    // ---- launch-local's scratch folder

    /// <summary>Reports, from its tasks, the job's scratch folder with its mode and its parent's, and the modes of the spill files the reducer's job holds.</summary>
    private const string ScratchReport = """
        /// Reports where its tasks keep scratch data.
        string Job() => Path.GetDirectoryName(Path.GetDirectoryName(Directory.GetCurrentDirectory())!)!;
        string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);

        IEnumerable<(string, string)> Map(long offset, string line)
        {
            yield return ("job", $"{Job()} {Mode(Job())} {Mode(Path.GetDirectoryName(Job())!)}");
        }

        IEnumerable<(string, string)> Reduce(string key, IEnumerable<string> values)
        {
            yield return (key, values.First());
            var spills = Directory.GetFiles(Job(), "*.out", SearchOption.AllDirectories);
            yield return ("spills", string.Join(",", spills.Select(Mode).Distinct()) + " " + (spills.Length > 0));
        }
        """;

    [Fact]
    public void Two_launch_locals_at_once_each_keep_their_scratch_in_a_private_folder_of_the_users_own_removed_at_the_end()
    {
        var script = TempScript.Write(ScratchReport, "scratch.csx");
        var tmp = NewFolder("hdnr-tmpdir-");
        File.SetUnixFileMode(tmp, (UnixFileMode)0x3FF | UnixFileMode.StickyBit);
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = tmp };

        var runs = new[] { NewOutput(), NewOutput() }
            .Select(output => Task.Run(() => (Output: output, Run: Hdnr.Run([script.Path, "launch-local", Hdnr.Example("wc.txt"), output], [], environment: environment))))
            .ToList() // both started before either is waited for
            .Select(task => task.Result)
            .ToList();

        var jobs = new List<string>();
        foreach (var (output, run) in runs)
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            var lines = File.ReadAllLines(Path.Combine(output, "part-00000"));
            var job = lines[0].Split('\t', ' ');
            Assert.Equal("job", job[0]);
            Assert.Equal(Path.Combine(tmp, "hdnr-" + Uid), Path.GetDirectoryName(job[1]));
            Assert.Equal(["700", "700"], job[2..]);
            Assert.Equal("spills\t600 True", lines[1]);
            jobs.Add(job[1]);
        }
        Assert.NotEqual(jobs[0], jobs[1]);
        Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(tmp, "hdnr-" + Uid)));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(tmp, "hdnr-" + Uid)));
    }

    [Fact]
    public void The_scratch_a_killed_launch_local_left_is_removed_by_the_next_one()
    {
        var tmp = NewFolder("hdnr-tmpdir-");
        var started = Path.Combine(tmp, "started");
        var script = TempScript.Write($$"""
            /// Hangs in its map task after saying so.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                File.WriteAllText(@"{{started}}", "");
                System.Threading.Thread.Sleep(60_000);
                yield return (line, 1);
            }
            """, "hang.csx");
        SharedCompileCache.Prepare(script.Path);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hdnr.dll"), script.Path, "launch-local", Hdnr.Example("wc.txt"), NewOutput() })
            start.ArgumentList.Add(arg);
        start.Environment["TMPDIR"] = tmp;
        start.Environment["HDNR_CACHE_DIR"] = Hdnr.SharedCache;
        int pid;
        using (var hung = Process.Start(start)!)
        {
            pid = hung.Id;
            for (var i = 0; i < 1200 && !File.Exists(started) && !hung.HasExited; i++) Thread.Sleep(100);
            Assert.True(File.Exists(started), "the map task never started");
            hung.Kill();
            hung.WaitForExit();
        }
        var scratch = Path.Combine(tmp, "hdnr-" + Uid);
        var left = Directory.GetFileSystemEntries(scratch).Select(Path.GetFileName).ToList();
        Assert.Equal(2, left.Count);
        Assert.NotEmpty(Directory.GetFiles(tmp, $"clr-debug-pipe-{pid}-*"));

        var next = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", NewOutput()], [], environment: new Dictionary<string, string?> { ["TMPDIR"] = tmp });

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(scratch));
        // The killed runtime's own debugger pipes and diagnostic socket go with its scratch.
        Assert.Empty(Directory.GetFileSystemEntries(tmp, $"*-{pid}-*"));
    }

    [Theory]
    [InlineData("a symbolic link", "is a symbolic link, which hdnr does not follow there: remove it")]
    [InlineData("writable by others", "is writable by its group or others, who could change what hdnr runs or reads: run 'chmod 700 {0}' if nothing in it is foreign, else remove it")]
    public void A_planted_scratch_folder_is_refused_in_one_line(string planted, string reason)
    {
        var tmp = NewFolder("hdnr-tmpdir-");
        var scratch = Path.Combine(tmp, "hdnr-" + Uid);
        if (planted == "a symbolic link") Directory.CreateSymbolicLink(scratch, NewFolder("hdnr-planted-"));
        else File.SetUnixFileMode(Directory.CreateDirectory(scratch).FullName, (UnixFileMode)0x1FF);
        var output = NewOutput();

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", output], [], environment: new Dictionary<string, string?> { ["TMPDIR"] = tmp });

        Assert.Equal(6, run.ExitCode);
        Assert.Equal($"hdnr: launch-local's scratch directory {scratch} {string.Format(reason, scratch)} (or set TMPDIR to a folder of your own)\n", run.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [RootFact]
    public void A_scratch_folder_another_user_owns_is_refused_in_one_line()
    {
        var tmp = NewFolder("hdnr-tmpdir-");
        var scratch = Directory.CreateDirectory(Path.Combine(tmp, "hdnr-" + Uid), Private).FullName;
        Chown(scratch, "12345");

        var run = Hdnr.Run(["wc.csx", "launch-local", "wc.txt", NewOutput()], [], environment: new Dictionary<string, string?> { ["TMPDIR"] = tmp });

        Assert.Equal(6, run.ExitCode);
        Assert.Equal($"hdnr: launch-local's scratch directory {scratch} belongs to user id 12345, not to you (user id {Uid}): have it removed "
            + "(or set TMPDIR to a folder of your own)\n", run.Stderr);
    }
}
