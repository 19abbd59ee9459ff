using System.Text;

namespace Hdnr.Hadoop.Tests;

/// <summary>The three freeze modes, a script with a NuGet package and a failing script.</summary>
public sealed class FreezeModeTests(FrozenWords words) : IClassFixture<FrozenWords>
{
    private static readonly byte[] Numbers = File.ReadAllBytes(Hdnr.Example("spellnumbers.txt"));

    /// <summary>Freezes <paramref name="script"/> and unpacks it into a fresh folder; returns the folder.</summary>
    private static string FreezeAndUnpack(string script, params string[] options)
    {
        var work = Directory.CreateTempSubdirectory("hdnr-freeze-mode-").FullName;
        var archive = Path.Combine(work, "bundle.tgz");
        var freeze = Hdnr.Run([script, "freeze", archive, .. options], timeout: TimeSpan.FromMinutes(10));
        Assert.True(freeze.ExitCode == 0, freeze.ToString());
        var node = Directory.CreateDirectory(Path.Combine(work, "node")).FullName;
        Assert.Equal(0, Processes.Exec("tar", ["xzf", archive, "-C", node]).ExitCode);
        return node;
    }

    [Fact]
    public void Native_a_scripts_nuget_package_is_compiled_into_the_one_executable()
    {
        Assert.True(words.Freeze.ExitCode == 0, words.Freeze.ToString());

        var ours = words.Run(["map"], Numbers);

        Assert.Equal(["stop.txt", "words"], Directory.GetFiles(words.Node).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal(Hdnr.Run([words.Script, "map"], Numbers, workingDirectory: words.Folder).StdoutBytes, ours.StdoutBytes);
        Assert.Contains("twenty\t1\n", ours.Stdout);
    }

    [Fact]
    public void Native_state_counters_end_functions_key_value_pairs_and_a_side_file_behave_as_in_hdnr()
    {
        Assert.True(words.Freeze.ExitCode == 0, words.Freeze.ToString());
        var text = Encoding.UTF8.GetBytes("the cat saw a dog\nthe dog saw a cat\n");
        var pairs = Encoding.UTF8.GetBytes("cat\t2\ndog\t3\n");

        foreach (var (task, input) in new[] { ("map", text), ("reduce", pairs) })
        {
            foreach (var io in new[] { "text", "typedbytes" })
            {
                var taskInput = io == "text" ? input : TypedBytesOf(task, input, words.Folder);
                var ours = words.Run([task, "--io", io], taskInput);
                var hdnrs = Hdnr.Run([words.Script, task, "--io", io], taskInput, workingDirectory: words.Folder);

                Assert.True(ours.ExitCode == 0, $"{task} {io}: {ours}");
                Assert.Equal(hdnrs.StdoutBytes, ours.StdoutBytes);
                Assert.Equal(hdnrs.Stderr, ours.Stderr);
            }
        }
        var mapped = words.Run(["map"], text);
        Assert.Equal("CAT!\t2\nDOG!\t2\nSAW!\t2\n", mapped.Stdout);
        Assert.Contains("reporter:counter:Words,stopped,", mapped.Stderr);
        Assert.Contains("reporter:status:mapped 18", mapped.Stderr);
    }

    /// <summary>The task's input as a typedbytes stream: the map's (long offset, string line) pairs, or the reduce's (string, long) pairs, made by hdnr's own identity-like job.</summary>
    private static byte[] TypedBytesOf(string task, byte[] text, string folder)
    {
        var converter = Path.Combine(folder, task == "map" ? "lines.csx" : "pairs.csx");
        File.WriteAllText(converter, task == "map"
            ? "/// Lines.\nIEnumerable<(long, string)> Map(long offset, string line) { yield return (offset, line); }\n"
            : "/// Pairs.\nIEnumerable<(string, long)> Reduce(string key, IEnumerable<long> values) { foreach (var v in values) yield return (key, v); }\n");
        var converted = Hdnr.Run([converter, task == "map" ? "map" : "reduce"], text, environment: new Dictionary<string, string?> { ["stream_map_output"] = "typedbytes", ["stream_reduce_output"] = "typedbytes" });
        Assert.True(converted.ExitCode == 0, converted.ToString());
        return converted.StdoutBytes;
    }

    [Fact]
    public void Native_a_loaded_file_is_compiled_in_and_not_needed_beside_the_executable()
    {
        Assert.True(words.Freeze.ExitCode == 0, words.Freeze.ToString());
        var input = Encoding.UTF8.GetBytes("hello\nworld\n");
        var expected = Hdnr.Run([words.Script, "map"], input, workingDirectory: words.Folder);

        // Gone while the executable runs; put back for the other tests, which run hdnr on the script (one at a time, as a class's tests do).
        var aside = words.Helpers + "-aside";
        Directory.Move(words.Helpers, aside);
        ProcessResult ours;
        try
        {
            ours = words.Run(["map"], input);
        }
        finally
        {
            Directory.Move(aside, words.Helpers);
        }

        Assert.Equal(["stop.txt", "words"], Directory.GetFiles(words.Node).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal("HELLO!\t1\nWORLD!\t1\n", ours.Stdout);
        Assert.Equal(expected.StdoutBytes, ours.StdoutBytes);
    }

    [Fact]
    public void Self_contained_the_runtime_runner_and_the_compiled_script_with_its_package_run_without_dotnet()
    {
        var node = FreezeAndUnpack(Hdnr.Example("spellnumbers.csx"), "--mode", "self-contained");

        var info = Processes.Exec(Path.Combine(node, "spellnumbers"), ["info"], [], node, NoDotnet.Environment());
        var ours = Processes.Exec(Path.Combine(node, "spellnumbers"), ["pipe", "map"], Numbers, node, NoDotnet.Environment());

        Assert.True(File.Exists(Path.Combine(node, "lib", "Humanizer.dll")));
        Assert.True(File.Exists(Path.Combine(node, "libcoreclr.so")));
        Assert.Equal(Hdnr.Run([Hdnr.Example("spellnumbers.csx"), "info"]).Stdout, info.Stdout);
        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.Equal(Hdnr.Run([Hdnr.Example("spellnumbers.csx"), "pipe", "map"], Numbers).StdoutBytes, ours.StdoutBytes);
    }

    [Fact]
    public void Framework_the_runner_uses_the_installed_dotnet_runtime_and_keeps_the_scripts_error_lines()
    {
        var script = TempScript("""
            /// Fails on a line without digits.
            IEnumerable<(string, long)> Map(long offset, string line)
            {
                yield return (line, long.Parse(line));
            }
            """, "digits.csx");
        var node = FreezeAndUnpack(script, "--mode", "framework");
        var input = Encoding.UTF8.GetBytes("12\nx\n");

        var ours = Processes.Exec(Path.Combine(node, "digits"), ["map"], input, node);
        var hdnrs = Hdnr.Run([script, "map"], input);

        Assert.False(File.Exists(Path.Combine(node, "libcoreclr.so")));
        Assert.Equal((1, hdnrs.Stdout, hdnrs.Stderr), (ours.ExitCode, ours.Stdout, ours.Stderr));
        Assert.Contains("digits.csx:4: Map failed at record 2 (byte offset 3): FormatException:", ours.Stderr);
    }

    private static string TempScript(string source, string name)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hdnr-script-").FullName, name);
        File.WriteAllText(path, source);
        return path;
    }
}
