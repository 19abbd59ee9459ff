using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Tests.Support;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Tasks;

/// <summary>An exception in the script stops the task and is described in one line: .csx file and line, task, record, type, message.</summary>
public sealed class ScriptFailureTests
{
    private const string FailsOnBadLines = """
        IEnumerable<(string, int)> Map(long offset, string line)
        {
            if (line.StartsWith("bad"))
                throw new InvalidOperationException("cannot map " + line);
            yield return (line, 1);
        }
        """;

    [Fact]
    public void A_map_exception_names_the_csx_line_the_record_and_its_offset()
    {
        var (output, failure) = Scripts.RunTextFailing(FailsOnBadLines, TaskKind.Map, "good\nbad one\ngood\n", file: "/jobs/wc.csx");
        var script = Assert.IsType<ScriptException>(failure);
        Assert.Equal("/jobs/wc.csx:4: Map failed at record 2 (byte offset 5): InvalidOperationException: cannot map bad one", script.Message);
        Assert.Equal(("/jobs/wc.csx", 4, 2L, 5L), (script.ScriptFile, script.ScriptLine, script.Record, script.Offset));
        Assert.IsType<InvalidOperationException>(script.InnerException);
        Assert.Equal("good\t1\n", output);
    }

    [Fact]
    public void The_describer_prints_that_one_line()
    {
        var (_, failure) = Scripts.RunTextFailing(FailsOnBadLines, TaskKind.Map, "bad\n");
        Assert.Equal("wc.csx:4: Map failed at record 1 (byte offset 0): InvalidOperationException: cannot map bad", TaskFailure.Describe(failure));
    }

    [Fact]
    public void An_exception_thrown_deeper_in_a_library_points_at_the_script_line_that_called_it()
    {
        const string Script = """
            IEnumerable<(string, int)> Reduce(string k, IEnumerable<string> v)
            {
                var n = int.Parse(v.First());
                yield return (k, n);
            }
            """;
        var (_, failure) = Scripts.RunTextFailing(Script, TaskKind.Reduce, "a\t1\nb\tx\n");
        Assert.StartsWith("wc.csx:3: Reduce failed at record 2 (byte offset 4): FormatException: ", failure.Message);
    }

    [Fact]
    public void A_multi_line_message_is_kept_on_one_line()
    {
        const string Script = "IEnumerable<(string, int)> Map(long o, string l) => throw new Exception(\"first\\nsecond\");";
        var (_, failure) = Scripts.RunTextFailing(Script, TaskKind.Map, "x\n");
        Assert.Equal("wc.csx:1: Map failed at record 1 (byte offset 0): Exception: first second", failure.Message);
    }

    [Fact]
    public void An_end_function_failure_says_it_ran_after_the_last_record()
    {
        const string Script = """
            IEnumerable<(string, int)> Map(long o, string l) => [(l, 1)];
            IEnumerable<(string, int)> MapEnd()
            {
                yield return ("end", 1);
                throw new ArgumentException("no more");
            }
            """;
        var (output, failure) = Scripts.RunTextFailing(Script, TaskKind.Map, "a\nb\n");
        Assert.Equal("wc.csx:5: MapEnd failed after the last record (record 2): ArgumentException: no more", failure.Message);
        Assert.Equal("a\t1\nb\t1\nend\t1\n", output);
    }

    [Fact]
    public void A_failure_in_the_top_level_statements_is_reported_when_the_job_is_created()
    {
        const string Script = """
            var lookup = new Dictionary<string, int>();
            var missing = lookup["nope"];
            IEnumerable<(string, int)> Map(long o, string l) => [(l, missing)];
            """;
        var failure = Assert.Throws<ScriptException>(() => Scripts.Job(Script));
        Assert.Equal("wc.csx:2: the script's top-level statements failed: KeyNotFoundException: The given key 'nope' was not present in the dictionary.", failure.Message);
        Assert.Null(failure.Record);
    }

    [Fact]
    public void Running_a_task_the_script_does_not_define_is_refused_plainly()
    {
        var job = Scripts.Job("IEnumerable<(string, int)> Map(long o, string l) => [(l, 1)];");
        var failure = Assert.Throws<JobShapeException>(() => Scripts.Run(job, TaskKind.Reduce, TaskIo.Text, []));
        Assert.Equal("the script defines no Reduce, so it cannot run a reduce task", TaskFailure.Describe(failure));
    }

    [Fact]
    public void Other_failures_are_described_by_type_and_message()
    {
        Assert.Equal("IOException: disk full", TaskFailure.Describe(new IOException("disk full")));
    }
}
