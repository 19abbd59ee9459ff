using System.Text;
using Hdnr.Engine;
using Hdnr.Runtime.Tasks;
using McMaster.Extensions.CommandLineUtils;

namespace Hdnr.Cli.Verbs;

/// <summary><c>hdnr SCRIPT test</c>: runs each example of the script's doc as a whole job (map, the engine's sort, reduce) and compares its output with the expected lines.</summary>
internal static class TestVerb
{
    public static void Register(CommandLineApplication app, ScriptSession session) =>
        app.Command("test", cmd =>
        {
            cmd.Description = "Run the examples of the script's doc (lines 'in: LINE', then 'out: KEY<TAB>VALUE') through the whole job as launch-local runs it; print a diff and exit 1 when an output differs.";
            var describe = LaunchLocalVerb.JobOptions(cmd, session, ownOutput: true);
            cmd.OnExecute(() =>
            {
                var examples = DocExample.Parse(session.Compiled.Doc);
                if (examples.Count == 0)
                    throw new UserException($"{session.ScriptArgument} has no example in its doc: write lines '/// in: LINE' and then '/// out: KEY<TAB>VALUE' (hdnr help test).");
                using var stdout = LaunchLocalVerb.HopStdout();
                var report = new StringBuilder();
                var failed = 0;
                foreach (var example in examples)
                {
                    var actual = Run(example, describe, session.Steps);
                    if (actual.SequenceEqual(example.Expected, StringComparer.Ordinal)) continue;
                    failed++;
                    report.Append($"{session.ScriptArgument}: example {example.Number} failed\n--- expected\n+++ actual\n");
                    foreach (var line in UnifiedDiff.Lines(example.Expected, actual)) report.Append(line).Append('\n');
                }
                report.Append(failed == 0
                    ? $"{session.ScriptArgument}: {examples.Count} of {examples.Count} examples passed\n"
                    : $"{session.ScriptArgument}: {failed} of {examples.Count} examples failed\n");
                stdout.Write(Encoding.UTF8.GetBytes(report.ToString()));
                return failed == 0 ? 0 : ExitCodes.Failed;
            });
        });

    // A private folder per example: its input as one file, the job's output as launch-local commits it.
    private static List<string> Run(DocExample example, Func<IReadOnlyList<string>, string, JobDescription> describe, IReadOnlyList<Hdnr.Runtime.Jobs.JobShape> steps)
    {
        var folder = Directory.CreateTempSubdirectory("hdnr-test-").FullName;
        try
        {
            var input = Path.Combine(folder, "input.txt");
            File.WriteAllText(input, string.Concat(example.Input.Select(l => l + "\n")), new UTF8Encoding(false));
            var output = Path.Combine(folder, "output");
            StepJobRunner.Run(describe([input], output), steps, Console.Error, (_, _, run) => run(null), CancellationToken.None);
            using var parts = new MemoryStream();
            RunVerb.PrintParts(output, parts);
            var text = Encoding.UTF8.GetString(parts.ToArray());
            return text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n').ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
