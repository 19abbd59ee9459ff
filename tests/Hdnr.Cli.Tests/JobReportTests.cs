using System.Text.RegularExpressions;

namespace Hdnr.Cli.Tests;

/// <summary><c>--report FILE.html</c> on launch-local and run: one self-contained page, opened here in a real headless Chromium, with a bar per task attempt (failed ones marked), each reducer's load and heaviest keys, and the counters.</summary>
public sealed class JobReportTests
{
    // A word count whose reduce fails on its first attempt at "boom" (a marker file remembers it) and on every attempt
    // at "fatal"; its combiner keeps every record, so the reducers see how skewed the words are.
    private static readonly TempScript Script = Write();

    private static TempScript Write()
    {
        var marker = Path.Combine(Directory.CreateTempSubdirectory("hdnr-report-marker-").FullName, "boom-failed-once");
        return TempScript.Write($$"""
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    yield return (word, 1);
            }

            IEnumerable<(string, int)> Combine(string word, IEnumerable<int> counts) => counts.Select(c => (word, c));

            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts)
            {
                if (word == "fatal") throw new InvalidOperationException("fatal, on every attempt");
                if (word == "boom" && !File.Exists(@"{{marker}}"))
                {
                    File.WriteAllText(@"{{marker}}", "");
                    throw new InvalidOperationException("boom, on the first attempt");
                }
                yield return (word, counts.Sum());
            }
            """, "skew.csx");
    }

    [ChromiumFact]
    public void Launch_local_report_has_a_bar_per_attempt_marks_the_failed_one_and_shows_each_reducers_heaviest_keys()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-report-").FullName;
        // "the" 120 times, a..e fewer each, "boom" once: one reducer gets most of the records.
        var lines = Enumerable.Range(0, 40).Select(i => $"the the the {(char)('a' + i % 5)}{(i < 4 ? " a" : "")}").Append("boom b");
        File.WriteAllText(Path.Combine(dir, "in.txt"), string.Join("\n", lines) + "\n");
        var report = Path.Combine(dir, "job.html");

        var result = Hdnr.Run([Script.Path, "launch-local", "in.txt", "out", "--reducers", "2", "--report", report], workingDirectory: dir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"hdnr: report in {report}\n", result.Stderr);
        // Written by a rename: no temp file is left beside it.
        Assert.Equal(["in.txt", "job.html", "out"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());
        var (dom, log) = Chromium(report);
        Assert.DoesNotContain(":CONSOLE", log);
        // One map, a combine per partition of its one spill, two reduces and the failed first attempt of one.
        Assert.Equal(["combine", "combine", "map", "reduce", "reduce", "reduce failed"], Bars(dom).Order());
        var failed = Assert.Single(Regex.Matches(dom, "data-attempt=\"([^\"]+)\" data-outcome=\"failed\""));
        Assert.Matches(@"^attempt_local\d+_0001_r_00000[01]_0$", failed.Groups[1].Value);
        Assert.Contains("boom, on the first attempt", dom);
        // The heavy reducer's first key is "the", with its 120 records; the other reducer's keys are lighter.
        var reducers = Regex.Matches(dom, "<tr class=\"reducer\">(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, reducers.Count);
        var heavy = Assert.Single(reducers, r => r.Contains("<li>the (120)</li>", StringComparison.Ordinal));
        Assert.StartsWith("<li>the (120)</li>", Regex.Match(heavy, "<ol>(.*?)</ol>").Groups[1].Value);
        Assert.True(Regex.Matches(heavy, "<li>").Count <= 5);
        Assert.Matches(@"<td>Reduce input records</td><td class=""n"">\d+</td>", dom);
        // Self-contained: nothing to fetch, no script.
        Assert.DoesNotMatch("(src|href)=|<script|<link", File.ReadAllText(report));
    }

    [Fact]
    public void A_failed_runs_report_is_written_and_shows_every_failed_attempt()
    {
        var dir = Directory.CreateTempSubdirectory("hdnr-report-").FullName;
        File.WriteAllText(Path.Combine(dir, "in.txt"), "fatal x\ny z\n");
        var report = Path.Combine(dir, "failed.html");

        var result = Hdnr.Run([Script.Path, "run", "in.txt", "--max-attempts", "2", "--report", report], workingDirectory: dir);

        Assert.Equal(8, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains($"hdnr: report in {report}\n", result.Stderr);
        // The page has no script, so its text is its DOM; the first test has Chromium render one.
        var dom = File.ReadAllText(report);
        Assert.Equal(["combine", "map", "reduce failed", "reduce failed"], Bars(dom).Order());
        Assert.Matches("<p class=\"outcome failed\">Job not successful, no output was committed: Task task_local\\d+_0001_r_000000 failed 2 times; last failure: [^<]*fatal, on every attempt", dom);
    }

    // The class of each attempt's bar, less "bar".
    private static IEnumerable<string> Bars(string dom) =>
        Regex.Matches(dom, "<rect class=\"bar ([a-z ]+)\"").Select(m => m.Groups[1].Value);

    // The page as headless Chromium rendered it, and Chromium's log, where a console message would show.
    private static (string Dom, string Log) Chromium(string page)
    {
        var profile = Directory.CreateTempSubdirectory("hdnr-chromium-").FullName;
        try
        {
            var result = Processes.Exec(ChromiumFactAttribute.Executable!,
                ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile}", "--dump-dom", new Uri(page).AbsoluteUri],
                timeout: TimeSpan.FromMinutes(1));
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains("<svg class=\"timeline\"", result.Stdout);
            return (result.Stdout, result.Stderr);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
