namespace Hdnr.Hadoop.Tests;

/// <summary>One script that has all a native freeze must carry (a NuGet package, a <c>#load</c>ed file, state, counters, end functions and a side file), frozen once with the default (native) mode and unpacked in a folder of its own.</summary>
/// <remarks>A NativeAOT publish costs a minute of both cores, so the native tests of <see cref="FreezeModeTests"/> share this one.</remarks>
public sealed class FrozenWords
{
    public FrozenWords()
    {
        Folder = Directory.CreateTempSubdirectory("hdnr-script-").FullName;
        Script = Path.Combine(Folder, "words.csx");
        File.WriteAllText(Script, """
            #r "nuget: Humanizer.Core, 2.14.1"
            #load "helpers/shout.csx"
            /// In-mapper combining with counters, reading its stop words from a side file: spells numbers with a package, shouts the other words with a loaded helper.
            using Humanizer;

            var stop = File.Exists("stop.txt") ? File.ReadAllLines("stop.txt").ToHashSet() : new HashSet<string>();
            var counts = new Dictionary<string, long>();

            IEnumerable<KeyValuePair<string, long>> Map(long offset, string line)
            {
                foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (stop.Contains(token)) { Counter("Words", "stopped"); continue; }
                    var words = long.TryParse(token, out var number) ? number.ToWords().Split(' ', '-') : [Shout(token)];
                    foreach (var word in words) counts[word] = counts.GetValueOrDefault(word) + 1;
                }
                Status("mapped " + offset);
                yield break;
            }

            IEnumerable<KeyValuePair<string, long>> MapEnd() => counts.OrderBy(c => c.Key, StringComparer.Ordinal);

            static IEnumerable<(string, double?)> Reduce(string word, IEnumerable<long?> counts)
            {
                yield return (word, counts.Sum() / 2.0);
            }

            IEnumerable<(string, double?)> ReduceEnd() { yield return ("total", null); }
            """);
        Helpers = Directory.CreateDirectory(Path.Combine(Folder, "helpers")).FullName;
        File.WriteAllText(Path.Combine(Helpers, "shout.csx"), "string Shout(string text) => text.ToUpperInvariant() + \"!\";\n");
        var stop = Path.Combine(Folder, "stop.txt");
        File.WriteAllText(stop, "the\na\n");

        var work = Directory.CreateTempSubdirectory("hdnr-freeze-mode-").FullName;
        var archive = Path.Combine(work, "bundle.tgz");
        Freeze = Hdnr.Run([Script, "freeze", archive, "-Z", stop], timeout: TimeSpan.FromMinutes(10));
        Node = Directory.CreateDirectory(Path.Combine(work, "node")).FullName;
        if (Freeze.ExitCode == 0)
            Processes.Exec("tar", ["xzf", archive, "-C", Node]);
        Executable = Path.Combine(Node, "words");
    }

    /// <summary>The folder of the script, its <c>helpers/</c> and its side file <c>stop.txt</c>.</summary>
    public string Folder { get; }

    public string Script { get; }

    /// <summary>The folder of the <c>#load</c>ed file.</summary>
    public string Helpers { get; }

    internal ProcessResult Freeze { get; }

    /// <summary>The unpacked archive.</summary>
    public string Node { get; }

    public string Executable { get; }

    /// <summary>Runs the unpacked <c>./words</c> in its folder with no .NET anywhere in reach.</summary>
    internal ProcessResult Run(string[] args, byte[] stdin) => Processes.Exec(Executable, args, stdin, Node, NoDotnet.Environment());
}
