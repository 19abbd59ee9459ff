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

    [Fact]
    public void Yarn_logs_yield_the_contents_of_each_containers_stderr()
    {
        const string logs = """
            Container: container_1_0001_01_000002 on localhost_40000
            ==========================================================
            LogType:stderr
            Log Upload Time:Mon Nov 23 18:40:00 +0000 2026
            LogLength:60
            Log Contents:
            Map failed at record 1 (byte offset 0): FormatException: bad
            End of LogType:stderr

            Container: container_1_0001_01_000001 on localhost_40000
            LogType:stderr
            Log Contents:
            Nov 23, 2026 6:36:47 PM com.sun.jersey.guice.spi.container.GuiceComponentProviderFactory register
            INFO: Registering org.apache.hadoop.mapreduce.v2.app.webapp.JAXBContextResolver as a provider class
            End of LogType:stderr

            LogType:syslog
            Log Contents:
            2026-11-23 18:40:00,000 INFO [main] org.apache.hadoop.mapred.MapTask: numReduceTasks: 1
            End of LogType:syslog
            """;

        Assert.Equal(["Map failed at record 1 (byte offset 0): FormatException: bad"], TaskErrors.ScriptLines(string.Join('\n', TaskErrors.StderrSections(logs))));
        Assert.Equal("application_1763923200000_0007", TaskErrors.ApplicationId("INFO impl.YarnClientImpl: Submitted application application_1763923200000_0007\n"));
    }
}
