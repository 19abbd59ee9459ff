using System.Runtime.Versioning;
using Hdnr.Runtime.Jobs;
using Hdnr.Scripting.Caching;

namespace Hdnr.Scripting.Tests;

/// <summary>The compile cache: hits reuse the entry, changes and damage compile again, and concurrent loads agree.</summary>
public sealed class CompileCacheTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly ScriptFolder folder = ScriptFolder.Create();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_second_load_of_an_unchanged_script_reuses_the_entry_without_writing()
    {
        folder.Write("job.csx", "/// Doc.\nIEnumerable<(string, int)> Map(long o, string line) { yield return (line, 1); }\n");
        var first = folder.Load("job.csx");
        var manifest = Path.ChangeExtension(first.AssemblyPath, ".manifest");
        File.SetLastWriteTimeUtc(first.AssemblyPath, LongAgo);
        File.SetLastWriteTimeUtc(manifest, LongAgo);

        var second = folder.Load("job.csx");

        Assert.Equal(first.AssemblyPath, second.AssemblyPath);
        Assert.Equal("Doc.", second.Doc);
        Assert.Equal([TaskKind.Map], second.Tasks);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(first.AssemblyPath));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(manifest));
    }

    [Fact]
    public void Changing_a_loaded_file_makes_a_new_entry_that_uses_the_change()
    {
        folder.Write("job.csx", "#load \"sub/helpers.csx\"\nstring Greeting() => Word();\n");
        folder.Write("sub/helpers.csx", "string Word() => \"old\";\n");
        var before = folder.Load("job.csx");

        folder.Write("sub/helpers.csx", "string Word() => \"new\";\n");
        var after = folder.Load("job.csx");

        Assert.NotEqual(before.AssemblyPath, after.AssemblyPath);
        Assert.Equal("new", ScriptRunner.Call(after, "Greeting"));
    }

    [Fact]
    public void Changing_the_script_itself_makes_a_new_entry()
    {
        folder.Write("job.csx", "/// One.\nvar x = 1;\n");
        var before = folder.Load("job.csx");

        folder.Write("job.csx", "/// Two.\nvar x = 1;\n");
        var after = folder.Load("job.csx");

        Assert.NotEqual(before.AssemblyPath, after.AssemblyPath);
        Assert.Equal("Two.", after.Doc);
    }

    [Theory]
    [InlineData("garbage dll")]
    [InlineData("truncated dll")]
    [InlineData("missing dll")]
    [InlineData("truncated manifest")]
    [InlineData("foreign manifest")]
    public void A_damaged_entry_is_compiled_again(string damage)
    {
        folder.Write("job.csx", "IEnumerable<(string, int)> Map(long o, string line) { yield return (line, 1); }\n");
        var first = folder.Load("job.csx");
        var good = File.ReadAllBytes(first.AssemblyPath);
        var manifest = Path.ChangeExtension(first.AssemblyPath, ".manifest");
        // Damage replaces files rather than writing into them: this process has the dll mapped, and writing into a
        // mapped file would corrupt the loaded copy rather than test the cache.
        File.Delete(first.AssemblyPath);
        switch (damage)
        {
            case "garbage dll":
                File.WriteAllText(first.AssemblyPath, "not a dll");
                break;
            case "truncated dll":
                File.WriteAllBytes(first.AssemblyPath, good[..(good.Length / 2)]);
                break;
            case "missing dll":
                break;
            case "truncated manifest":
                File.WriteAllBytes(first.AssemblyPath, good);
                File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("end\n", ""));
                break;
            case "foreign manifest":
                File.WriteAllBytes(first.AssemblyPath, good);
                File.WriteAllText(manifest, "{\"tasks\": []}\n");
                break;
        }

        var again = folder.Load("job.csx");

        Assert.Equal(first.AssemblyPath, again.AssemblyPath);
        Assert.Equal(good, File.ReadAllBytes(again.AssemblyPath));
        Assert.Equal([TaskKind.Map], again.Tasks);
        Assert.EndsWith("end\n", File.ReadAllText(manifest));
    }

    [Fact]
    public void Concurrent_loads_of_a_new_script_all_get_the_same_sound_entry()
    {
        folder.Write("job.csx", "IEnumerable<(string, int)> Map(long o, string line) { yield return (line, 1); }\n");

        var results = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).Select(_ => folder.Load("job.csx")).ToList();

        Assert.Single(results.Select(r => r.AssemblyPath).Distinct());
        var cache = ScriptCache.Open(folder.CacheRoot);
        var entry = Path.GetFileNameWithoutExtension(results[0].AssemblyPath);
        Assert.NotNull(cache.TryRead(entry));
        Assert.Equal([entry + ".dll", entry + ".manifest"],
            Directory.GetFiles(cache.ScriptsFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_miss_sweeps_temp_files_crashed_writers_left_long_ago_but_not_young_ones()
    {
        var cache = ScriptCache.Open(folder.CacheRoot);
        var old = Path.Combine(cache.ScriptsFolder, "abc.dll.1234.0123.tmp");
        var young = Path.Combine(cache.ScriptsFolder, "def.dll.1234.4567.tmp");
        var oldRestore = Directory.CreateDirectory(Path.Combine(folder.CacheRoot, "nuget", "0123.1234.abcd")).FullName;
        File.WriteAllText(old, "half a dll");
        File.WriteAllText(young, "being written");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-2));
        Directory.SetLastWriteTimeUtc(oldRestore, DateTime.UtcNow.AddDays(-2));
        folder.Write("job.csx", "var x = 1;\n");

        folder.Load("job.csx");

        Assert.False(File.Exists(old));
        Assert.False(Directory.Exists(oldRestore));
        Assert.True(File.Exists(young));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_cache_folder_is_made_private_even_when_it_already_exists()
    {
        var root = Path.Combine(folder.Path, "shared-cache");
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var cache = ScriptCache.Open(root);

        Assert.Equal(CacheDirectory.Private, File.GetUnixFileMode(root));
        Assert.Equal(CacheDirectory.Private, File.GetUnixFileMode(cache.ScriptsFolder));
    }

    [Fact]
    public void The_public_load_keeps_its_entries_in_HDNR_CACHE_DIR()
    {
        var script = folder.Write("job.csx", "/// Public.\nvar x = 1;\n");

        var compiled = ScriptCompiler.Load(script);

        Assert.Equal(script, compiled.ScriptPath);
        Assert.Equal("Public.", compiled.Doc);
        Assert.Equal(Path.Combine(TestEnvironment.CacheDir, "scripts"), Path.GetDirectoryName(compiled.AssemblyPath));
    }

    [Fact]
    public void Rebuilding_a_referenced_dll_makes_a_new_entry()
    {
        var dll = Path.Combine(folder.Path, "lib.dll");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "xunit.abstractions.dll"), dll);
        folder.Write("job.csx", "#r \"lib.dll\"\nvar x = 1;\n");
        var before = folder.Load("job.csx");

        File.SetLastWriteTimeUtc(dll, LongAgo);
        var after = folder.Load("job.csx");

        Assert.NotEqual(before.AssemblyPath, after.AssemblyPath);
    }

    [Theory]
    [InlineData("/tmp/override", "/xdg", "/home/u", "/tmp/override")]
    [InlineData(null, "/xdg", "/home/u", "/xdg/hdnr")]
    [InlineData("", "relative/xdg", "/home/u", "/home/u/.cache/hdnr")]
    [InlineData(null, null, "/home/u", "/home/u/.cache/hdnr")]
    public void The_cache_is_HDNR_CACHE_DIR_else_under_XDG_CACHE_HOME_else_under_home(
        string? hdnrCacheDir, string? xdgCacheHome, string home, string expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["HDNR_CACHE_DIR"] = hdnrCacheDir, ["XDG_CACHE_HOME"] = xdgCacheHome, ["HOME"] = home,
        };

        Assert.Equal(expected, CacheDirectory.Locate(name => environment.GetValueOrDefault(name)));
    }
}
