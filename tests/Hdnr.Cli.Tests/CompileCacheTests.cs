namespace Hdnr.Cli.Tests;

/// <summary>A script is compiled once; later runs take the cached assembly without loading the compiler.</summary>
public sealed class CompileCacheTests
{
    private static readonly Dictionary<string, string?> TraceAssemblies = new() { ["HDNR_TRACE_ASSEMBLIES"] = "1" };

    [Fact]
    public void The_first_run_compiles_and_a_second_run_loads_no_roslyn_assembly()
    {
        var cache = Directory.CreateTempSubdirectory("hdnr-cache-").FullName;
        var script = TempScript.Write("""
            IEnumerable<(string, int)> Map(long offset, string line) { yield return (line, 1); }
            """);

        var first = Hdnr.Run([script.Path, "map"], "x\n"u8.ToArray(), environment: TraceAssemblies, cacheDir: cache);
        var second = Hdnr.Run([script.Path, "map"], "x\n"u8.ToArray(), environment: TraceAssemblies, cacheDir: cache);

        Assert.Equal("x\t1\n", first.Stdout);
        Assert.Contains("hdnr: roslyn loaded: yes", first.Stderr);
        Assert.Equal("x\t1\n", second.Stdout);
        Assert.Contains("hdnr: roslyn loaded: no", second.Stderr);
    }

    [Fact]
    public void A_script_compiled_by_another_process_of_the_same_hdnr_is_a_hit_that_loads_no_roslyn_assembly()
    {
        var script = TempScript.Write("""
            IEnumerable<(string, int)> Map(long offset, string line) { yield return (line, 2); }
            """);

        // Hdnr.Run compiles the script in this test process first, into the cache it then gives hdnr: that is what keeps the tests fast.
        var run = Hdnr.Run([script.Path, "map"], "x\n"u8.ToArray(), environment: TraceAssemblies);

        Assert.Equal("x\t2\n", run.Stdout);
        Assert.Contains("hdnr: roslyn loaded: no", run.Stderr);
    }

    [Fact]
    public void Editing_a_loaded_file_recompiles_the_script()
    {
        var cache = Directory.CreateTempSubdirectory("hdnr-cache-").FullName;
        var script = TempScript.Write("""
            #load "word.csx"
            IEnumerable<(string, string)> Map(long offset, string line) { yield return (line, Word); }
            """);
        File.WriteAllText(Path.Combine(script.Directory, "word.csx"), "const string Word = \"first\";\n");
        var before = Hdnr.Run([script.Path, "map"], "x\n"u8.ToArray(), cacheDir: cache);

        File.WriteAllText(Path.Combine(script.Directory, "word.csx"), "const string Word = \"second\";\n");
        var after = Hdnr.Run([script.Path, "map"], "x\n"u8.ToArray(), cacheDir: cache);

        Assert.Equal("x\tfirst\n", before.Stdout);
        Assert.Equal("x\tsecond\n", after.Stdout);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_cache_directory_is_private_to_the_user()
    {
        var cache = Path.Combine(Directory.CreateTempSubdirectory("hdnr-cache-").FullName, "hdnr");

        Hdnr.Run(["wc.csx", "info"], [], cacheDir: cache);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(cache));
    }
}
