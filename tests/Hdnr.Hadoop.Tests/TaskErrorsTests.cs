using Hdnr.Hadoop.Launching;

namespace Hdnr.Hadoop.Tests;

/// <summary>A failed job's own error, picked out of Hadoop's logging.</summary>
public sealed class TaskErrorsTests
{
    [Fact]
    public void Local_mode_output_yields_the_scripts_lines_and_not_javas()
    {
        const string output = """
            26/11/23 18:32:40 INFO mapred.LocalJobRunner: Starting task: attempt_local1_0001_m_000000_0
            reporter:counter:Words,seen,3
            fail.csx:4: Map failed at record 2 (byte offset 6): InvalidOperationException: no digits here
            26/11/23 18:32:41 INFO streaming.PipeMapRed: PipeMapRed failed!
            java.lang.RuntimeException: PipeMapRed.waitOutputThreads(): subprocess failed with code 1
            	at org.apache.hadoop.streaming.PipeMapRed.waitOutputThreads(PipeMapRed.java:322)
            Caused by: java.io.IOException: Stream closed
            Streaming Command Failed!
            """;

        Assert.Equal(["fail.csx:4: Map failed at record 2 (byte offset 6): InvalidOperationException: no digits here"], TaskErrors.ScriptLines(output));
    }

    private const string DigitsError = "/tmp/h3cap/digits.csx:4: Map failed at record {0}: FormatException: The input string 'x' was not in a correct format.";

    /// <summary>What real Hadoop printed for a failing <c>hdnr digits.csx launch-frozen</c> (the script of HadoopJobTests' failing job), captured into TestData.</summary>
    private static string Captured(string name) => File.ReadAllText(Path.Combine(Hdnr.RepoRoot, "tests", "Hdnr.Hadoop.Tests", "TestData", name));

    [Theory]
    [InlineData("yarn-logs-2.8.5.txt")]
    [InlineData("yarn-logs-3.1.1.txt")]
    public void Yarn_logs_of_each_hadoop_yield_the_scripts_own_error_and_nothing_of_the_application_masters(string captured)
    {
        var lines = TaskErrors.ScriptLines(string.Join('\n', TaskErrors.StderrSections(Captured(captured))));

        Assert.Equal([string.Format(DigitsError, "1 (byte offset 0)")], lines);
    }

    [Theory]
    [InlineData("client-local-2.8.5.txt")]
    [InlineData("client-local-3.1.1.txt")]
    public void The_local_mode_client_output_of_each_hadoop_yields_the_scripts_own_error(string captured)
    {
        Assert.Null(TaskErrors.ApplicationId(Captured(captured)));
        Assert.Equal([string.Format(DigitsError, "2 (byte offset 16)")], TaskErrors.ScriptLines(Captured(captured)));
    }

    [Theory]
    [InlineData("client-yarn-2.8.5.txt")]
    [InlineData("client-yarn-3.1.1.txt")]
    public void The_yarn_client_output_names_the_application_and_holds_no_line_of_the_script(string captured)
    {
        Assert.Matches(@"^application_\d+_0001$", TaskErrors.ApplicationId(Captured(captured)));
        Assert.Empty(TaskErrors.ScriptLines(Captured(captured)));
    }
}
