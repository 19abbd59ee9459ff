using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli;

/// <summary>Every verb hdnr knows, with its one-line summary and one example that runs in the repository's examples folder.</summary>
internal static class VerbCatalog
{
    /// <summary>A verb as <c>hdnr --help</c> lists it.</summary>
    internal sealed record Verb(string Name, bool TakesScript, string Usage, string Summary, string Example);

    public static readonly IReadOnlyList<Verb> All =
    [
        new("(none)", true, "hdnr SCRIPT.csx", "print the script's doc and exit 2", "hdnr wc.csx"),
        new("new", false, "hdnr new NAME.csx", "write a starting script with a doc, Map, Reduce and one example", "hdnr new /tmp/mine.csx"),
        new("check", true, "hdnr SCRIPT.csx check", "compile and check the script's functions; run nothing", "hdnr wc.csx check"),
        new("test", true, "hdnr SCRIPT.csx test", "run the examples of the script's doc through map, sort and reduce", "hdnr new /tmp/mine.csx && hdnr /tmp/mine.csx test"),
        new("run", true, "hdnr SCRIPT.csx run INPUT...", "run the whole job as launch-local and print its output", "hdnr wc.csx run wc.txt --head 2"),
        new("info", true, "hdnr SCRIPT.csx info", "print {\"doc\": ..., \"tasks\": [...]} as one line of JSON", "hdnr wc.csx info"),
        new("map", true, "hdnr SCRIPT.csx map", "run the script's Map as a streaming task: stdin to stdout", "echo 'a b a' | hdnr wc.csx map"),
        new("reduce", true, "hdnr SCRIPT.csx reduce", "run the script's Reduce as a streaming task: sorted stdin to stdout", "printf 'a\\t1\\na\\t1\\n' | hdnr wc.csx reduce"),
        new("combine", true, "hdnr SCRIPT.csx combine", "run the script's Combine as a streaming task: sorted stdin to stdout", "printf 'a\\t1\\na\\t1\\n' | hdnr wc.csx combine"),
        new("sort", true, "hdnr SCRIPT.csx sort", "sort a map output (stdin) as the job's shuffle would, for map | sort | reduce", "echo 'b a b' | hdnr wc.csx map | hdnr wc.csx sort | hdnr wc.csx reduce"),
        new("pipe", true, "hdnr SCRIPT.csx pipe map|reduce|combine", "the same, with stdout and stdin hopped away from the script", "echo 'a b a' | hdnr wc.csx pipe map"),
        new("launch-local", true, "hdnr SCRIPT.csx launch-local INPUT... OUTPUT", "run the whole job on this machine as Hadoop Streaming would", "hdnr wc.csx launch-local wc.txt /tmp/wc-out --overwrite"),
        new("freeze", true, "hdnr SCRIPT.csx freeze ARCHIVE", "write ARCHIVE holding ./NAME, which runs the task verbs with nothing installed", "hdnr wc.csx freeze /tmp/wc.tgz"),
        new("launch", true, "hdnr SCRIPT.csx launch INPUT... OUTPUT", "run the job on Hadoop (nodes need the .NET 10 runtime)", "hdnr wc.csx launch wc.txt /tmp/wc-out"),
        new("launch-frozen", true, "hdnr SCRIPT.csx launch-frozen INPUT... OUTPUT", "run the job on Hadoop from a frozen bundle (nodes need nothing)", "hdnr wc.csx launch-frozen wc.txt /tmp/wc-out"),
        new("readtb", false, "hdnr readtb PATH...", "print the pairs of SequenceFiles or folders of part files", "hdnr readtb /tmp/tb.seq"),
        new("writetb", false, "hdnr writetb PATH", "write typedbytes (or --format tsv lines) from stdin into a SequenceFile", "printf 'a\\t1\\n' | hdnr writetb /tmp/tb.seq --format tsv --overwrite"),
        new("help", false, "hdnr help [VERB]", "print this list, or a verb's options", "hdnr help run"),
    ];

    /// <summary>The verbs that are real words on a command line (not "(none)").</summary>
    public static IEnumerable<Verb> Named => All.Where(v => v.Name != "(none)");

    public static Verb? Find(string name) => Named.FirstOrDefault(v => v.Name == name);

    /// <summary>The list <c>hdnr --help</c> ends with: every verb together, with the script ones marked by their usage.</summary>
    public static string Listing()
    {
        var width = All.Max(v => v.Usage.Length) + 2;
        return "\nVerbs:\n" + string.Concat(All.Select(v => $"  {v.Usage.PadRight(width)}{v.Summary}\n"))
            + "\nhdnr help VERB (or hdnr SCRIPT.csx VERB --help) shows a verb's options and an example.\n";
    }

    /// <summary>Gives each registered verb of <paramref name="app"/> its example under its options, and leaves the list of verbs to <see cref="Listing"/>.</summary>
    public static void Describe(CommandLineApplication app)
    {
        app.ExtendedHelpText = Listing();
        foreach (var command in app.Commands)
        {
            // McMaster lists only the app's own commands; the listing names every verb, the script's and the others, in one place.
            command.ShowInHelpText = false;
            if (Find(command.Name!) is { } verb)
                command.ExtendedHelpText = $"\nExample (in the examples folder):\n  {verb.Example}\n";
        }
    }

    /// <summary>The known word nearest to <paramref name="word"/> by edit distance, when it is near enough to be a typo.</summary>
    public static string? Closest(string word, IEnumerable<string> known)
    {
        var best = known.Select(k => (Word: k, Distance: Distance(word, k))).MinBy(p => p.Distance);
        return best.Word is not null && best.Distance <= Math.Max(2, word.Length / 3) ? best.Word : null;
    }

    // Levenshtein distance, ignoring case: a verb typed in capitals is still that verb.
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
