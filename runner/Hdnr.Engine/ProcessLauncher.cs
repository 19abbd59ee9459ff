using System.Diagnostics;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;

namespace Hdnr.Engine;

/// <summary>Runs each attempt as a <c>hdnr SCRIPT pipe TASK</c> process in its own working directory with the task's environment, as a cluster's TaskTracker runs a streaming command; counters come from its <c>reporter:</c> stderr lines.</summary>
internal sealed class ProcessLauncher(JobDescription job, JobFiles files, WireFormat io) : ITaskLauncher
{
    private const int TailLines = 20;

    public void Run(TaskAttempt attempt, Stream input, IPairSink output, CountingReporter reporter, CancellationToken cancel)
    {
        var parser = new TaskOutputParser(output, io);
        Run(attempt, input, parser, reporter, cancel);
        Complete(attempt, parser);
    }

    public void Run(TaskAttempt attempt, IPairSource input, IPairSink output, CountingReporter reporter, CancellationToken cancel)
    {
        var parser = new TaskOutputParser(output, io);
        using (var stream = new TaskInputStream(input, io)) Run(attempt, stream, parser, reporter, cancel);
        Complete(attempt, parser);
    }

    private static void Complete(TaskAttempt attempt, TaskOutputParser parser)
    {
        try
        {
            parser.Complete();
        }
        catch (InvalidDataException e)
        {
            throw new TaskAttemptFailedException($"{TaskName(attempt.Kind)} output is not valid: {e.Message}", [], e);
        }
    }

    private void Run(TaskAttempt attempt, Stream input, Stream output, CountingReporter reporter, CancellationToken cancel)
    {
        if (job.HdnrCommand.Count == 0) throw new InvalidOperationException("no hdnr command to start task processes with");
        Directory.CreateDirectory(attempt.WorkDirectory);
        files.LinkInto(attempt.WorkDirectory);
        var start = new ProcessStartInfo(job.HdnrCommand[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = attempt.WorkDirectory,
        };
        foreach (var arg in job.HdnrCommand.Skip(1)) start.ArgumentList.Add(arg);
        start.ArgumentList.Add(Path.GetFullPath(job.ScriptPath));
        start.ArgumentList.Add("pipe");
        start.ArgumentList.Add(attempt.Kind.ToString().ToLowerInvariant());
        foreach (var (name, value) in attempt.Environment) start.Environment[name] = value;
        start.Environment["PWD"] = attempt.WorkDirectory;

        var tail = new Queue<string>();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + job.HdnrCommand[0]);
        using var kill = cancel.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        });
        CorruptInputException? inputFailure = null;
        var feed = Task.Run(() =>
        {
            try
            {
                input.CopyTo(process.StandardInput.BaseStream, 1 << 16);
                process.StandardInput.Close();
            }
            catch (CorruptInputException e)
            {
                // The task must not take the early end for the end of its input: it is stopped before it can finish.
                inputFailure = e;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }
            }
            catch (IOException)
            {
                // The task stopped reading (it exited); its exit code says whether that was a failure.
            }
        });
        var errors = Task.Run(() =>
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                if (reporter.TryReport(line)) continue;
                lock (tail)
                {
                    tail.Enqueue(line);
                    if (tail.Count > TailLines) tail.Dequeue();
                }
            }
        });
        Exception? outputFailure = null;
        try
        {
            process.StandardOutput.BaseStream.CopyTo(output, 1 << 16);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outputFailure = e;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }
        process.WaitForExit();
        feed.Wait();
        errors.Wait();
        cancel.ThrowIfCancellationRequested();
        if (inputFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inputFailure);
        string[] lines;
        lock (tail) lines = [.. tail];
        if (outputFailure is not null)
            throw new TaskAttemptFailedException($"{TaskName(attempt.Kind)} output is not valid: {outputFailure.Message}", lines, outputFailure);
        if (process.ExitCode != 0)
            throw new TaskAttemptFailedException(
                lines.Length > 0 ? lines[^1] : $"{TaskName(attempt.Kind)} process exited with code {process.ExitCode}", lines);
    }

    private static string TaskName(TaskKind kind) => kind.ToString().ToLowerInvariant();
}
