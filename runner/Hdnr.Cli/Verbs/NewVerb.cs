using Hdnr.Runtime.Tasks;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr new NAME.csx</c>: writes a starting script (a doc with an example, a Map, a Reduce), never over an existing file.</summary>
internal static class NewVerb
{
    public static void Register(CommandLineApplication app) =>
        app.Command("new", cmd =>
        {
            cmd.Description = "Write NAME.csx, a starting script: a doc with an example, a Map and a Reduce (a word count). Refuses to overwrite a file (exit 4).";
            var path = cmd.Argument("name", "the script to write, NAME.csx").IsRequired();
            cmd.OnExecute(() =>
            {
                var name = path.Value!;
                if (!name.EndsWith(".csx", StringComparison.Ordinal)) throw new UserException($"new writes a script named NAME.csx, not '{name}'.");
                try
                {
                    // CreateNew: a file that appears meanwhile is refused too, never truncated.
                    using var file = new FileStream(name, FileMode.CreateNew, FileAccess.Write);
                    file.Write(System.Text.Encoding.UTF8.GetBytes(Template(Path.GetFileName(name))));
                }
                catch (IOException) when (File.Exists(name) || Directory.Exists(name))
                {
                    Console.Error.WriteLine($"hdnr: new: {name} already exists; nothing was written.");
                    return ExitCodes.OutputExists;
                }
                Console.Out.Write($"hdnr: wrote {name}; try: hdnr {name} test, then hdnr {name} run INPUT...\n");
                return 0;
            });
        });

    private static string Template(string name) => $$"""
        /// {{Path.GetFileNameWithoutExtension(name)}}: counts how often each word occurs in the input.
        /// Words are runs of characters between white space; case is kept.
        ///
        /// Example:
        ///     in: the cat
        ///     in: the dog
        ///     out: cat	1
        ///     out: dog	1
        ///     out: the	2
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            foreach (var word in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                yield return (word, 1);
        }

        IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
        {
            yield return (word, counts.Sum());
        }

        """;
}
