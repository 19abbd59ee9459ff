namespace Hdnr.Hadoop.Tests;

/// <summary>One script whose keys and values are tuples, arrays, lists, dictionaries, a class and a positional record declared in the script, and which has MapStart and ReduceStart hooks and reads its task's Context, frozen once natively and unpacked in a folder of its own.</summary>
/// <remarks>A NativeAOT publish costs a minute of both cores, so every composite type is in this one script and <see cref="FrozenCompositeTests"/> shares it.</remarks>
public sealed class FrozenComposites
{
    public FrozenComposites()
    {
        var folder = Directory.CreateTempSubdirectory("hdnr-script-").FullName;
        Script = Path.Combine(folder, "shapes.csx");
        File.WriteAllText(Script, """
            /// Words by first letter and length, carried in tuples, arrays, lists, dictionaries and the script's own types; the hooks set each task's state up.
            HashSet<string>? seen = null;

            // Travels as the tuple (string, int) of its members, in declaration order, built through its parameterless constructor.
            class Letter { public string First = ""; public int Length { get; init; } }

            // Travels as the tuple of its primary constructor's parameters.
            record Summary(int Groups, string[] Key, IReadOnlyDictionary<int, bool> Seen);
            var groups = -100;

            // Without MapStart, Map fails on the null set; run per record instead of per task, every word would be new.
            // The input file's name counts as seen: the task's Context says which file it reads.
            void MapStart() => seen = Context.InputFile is { } file ? [Path.GetFileNameWithoutExtension(file)] : [];

            IEnumerable<(Letter, Dictionary<string, long[]>)> Map(long offset, string line)
            {
                var at = 0;
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    yield return (new Letter { First = word[..1] + Context.Settings["shapes.mark"], Length = word.Length }, new Dictionary<string, long[]> { [word] = [offset, at++, seen!.Add(word) ? 1 : 0] });
            }

            void ReduceStart() => groups = 0;

            IEnumerable<(List<string>, Summary)> Reduce(Letter key, IEnumerable<Dictionary<string, long[]>> values)
            {
                var words = values.SelectMany(v => v).ToList();
                groups++;
                yield return (words.Select(w => w.Key).ToList(), new Summary(groups, [key.First, key.Length.ToString()], new Dictionary<int, bool> { [key.Length] = words.Any(w => w.Value[2] == 1) }));
            }
            """);
        var work = Directory.CreateTempSubdirectory("hdnr-freeze-composites-").FullName;
        var archive = Path.Combine(work, "shapes.tgz");
        Freeze = Hdnr.Run([Script, "freeze", archive], timeout: TimeSpan.FromMinutes(10));
        Node = Directory.CreateDirectory(Path.Combine(work, "node")).FullName;
        if (Freeze.ExitCode == 0)
            Processes.Exec("tar", ["xzf", archive, "-C", Node]);
    }

    public string Script { get; }

    internal ProcessResult Freeze { get; }

    /// <summary>The unpacked archive.</summary>
    public string Node { get; }

    /// <summary>Runs the unpacked <c>./shapes</c> in its folder with no .NET anywhere in reach.</summary>
    internal ProcessResult Run(string[] args, byte[] stdin, IReadOnlyDictionary<string, string?> extra)
    {
        var environment = NoDotnet.Environment();
        foreach (var (name, value) in extra) environment[name] = value;
        return Processes.Exec(Path.Combine(Node, "shapes"), args, stdin, Node, environment);
    }
}
