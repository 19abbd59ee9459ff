using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Tests.Support;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Jobs;

/// <summary>Counter and Status reach Hadoop as <c>reporter:</c> lines on stderr that its PipeMapRed parses.</summary>
public sealed class StderrReporterTests
{
    // Counters are summed for up to a second of this clock: a stopped one keeps a slow machine from splitting a sum.
    private static long StoppedClock() => 0;

    [Fact]
    public void Counters_and_status_are_written_in_hadoops_reporter_protocol()
    {
        var stderr = new StringWriter();
        var reporter = new StderrReporter(stderr, StoppedClock);
        reporter.Counter("wc", "words", 3);
        reporter.Status("halfway");
        reporter.Counter("wc", "lines", 1);
        reporter.Flush();
        Assert.Equal("reporter:counter:wc,words,3\nreporter:status:halfway\nreporter:counter:wc,lines,1\n", stderr.ToString());
    }

    [Fact]
    public void Commas_in_group_or_name_would_add_columns_so_they_become_spaces()
    {
        var stderr = new StringWriter();
        var reporter = new StderrReporter(stderr, StoppedClock);
        reporter.Counter("a,b", "c,d", -2);
        reporter.Flush();
        Assert.Equal("reporter:counter:a b,c d,-2\n", stderr.ToString());
    }

    [Fact]
    public void Line_breaks_would_end_the_line_early_so_they_become_spaces()
    {
        var stderr = new StringWriter();
        var reporter = new StderrReporter(stderr, StoppedClock);
        reporter.Status("line one\r\nline two\n");
        reporter.Counter("g\n", "n\rx", 1);
        reporter.Flush();
        Assert.Equal("reporter:status:line one line two\nreporter:counter:g,n x,1\n", stderr.ToString());
    }

    [Fact]
    public void A_script_reports_through_its_globals()
    {
        const string Script = """
            Status("starting");
            IEnumerable<(string, int)> Map(long o, string l)
            {
                Counter("wc", "lines", 1);
                if (l.Length == 0) Counter("wc", "empty");
                return [(l, 1)];
            }
            """;
        var stderr = new StringWriter();
        var job = Scripts.Job(Script, new StderrReporter(stderr, StoppedClock));
        var output = Scripts.Run(job, TaskKind.Map, TaskIo.Text, "a\n\n"u8.ToArray());
        Assert.Equal("a\t1\n\t1\n", System.Text.Encoding.UTF8.GetString(output));
        Assert.Equal(
            "reporter:status:starting\nreporter:counter:wc,lines,2\nreporter:counter:wc,empty,1\n",
            stderr.ToString());
    }

    [Fact]
    public void Increments_are_summed_and_written_once_a_second()
    {
        var stderr = new StringWriter();
        long now = 0;
        var reporter = new StderrReporter(stderr, () => now);
        reporter.Counter("wc", "lines", 1);
        reporter.Counter("wc", "lines", 1);
        now = 999;
        reporter.Counter("wc", "words", 5);
        Assert.Equal("", stderr.ToString());
        now = 1000;
        reporter.Counter("wc", "lines", 1);
        Assert.Equal("reporter:counter:wc,lines,3\nreporter:counter:wc,words,5\n", stderr.ToString());
        reporter.Counter("wc", "words", 1);
        reporter.Counter("wc", "words", -1);
        reporter.Flush();
        Assert.Equal("reporter:counter:wc,lines,3\nreporter:counter:wc,words,5\n", stderr.ToString());
    }

    [Fact]
    public void Counters_counted_before_a_failure_are_still_reported()
    {
        const string Script = """
            IEnumerable<(string, int)> Map(long o, string l)
            {
                Counter("wc", "lines", 1);
                if (l == "bad") throw new Exception("bad line");
                return [(l, 1)];
            }
            """;
        var stderr = new StringWriter();
        var job = Scripts.Job(Script, new StderrReporter(stderr, StoppedClock));
        Assert.Throws<ScriptException>(() => Scripts.Run(job, TaskKind.Map, TaskIo.Text, "a\nb\nbad\n"u8.ToArray()));
        Assert.Equal("reporter:counter:wc,lines,3\n", stderr.ToString());
    }
}
