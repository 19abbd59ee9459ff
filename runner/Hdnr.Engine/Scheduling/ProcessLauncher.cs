// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Hdnr.Engine.ReduceSide;
using Hdnr.Formats.Codecs;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Scheduling;

/// <summary>Runs each attempt as a <c>hdnr SCRIPT pipe TASK</c> process in its own working directory with the task's environment, as a cluster's TaskTracker runs a streaming command; counters come from its <c>reporter:</c> stderr lines.</summary>
internal sealed class ProcessLauncher(JobDescription job, JobFiles files, long timeoutMilliseconds) : ITaskLauncher
{
    private const int TailLines = 20;

    public void Run(TaskAttempt attempt, Stream input, IPairSink output, CountingReporter reporter, CancellationToken cancel)
    {
        var taskIo = TaskIoOf(attempt);
        var parser = new TaskOutputParser(output, taskIo.Output, taskIo.OutputFields);
        Run(attempt, input, parser, reporter, cancel);
        Complete(attempt, parser);
    }

    public void Run(TaskAttempt attempt, IPairSource input, IPairSink output, CountingReporter reporter, CancellationToken cancel)
    {
        var taskIo = TaskIoOf(attempt);
        var parser = new TaskOutputParser(output, taskIo.Output, taskIo.OutputFields);
        using (var stream = new TaskInputStream(input, taskIo)) Run(attempt, stream, parser, reporter, cancel);
        Complete(attempt, parser);
    }

    /// <summary>The attempt's io as its task reads it from the environment it is given: its side's wire formats, and the separators and key fields of its settings.</summary>
    public static TaskIo TaskIoOf(TaskAttempt attempt) =>
        TaskIo.FromEnvironment(attempt.Kind, null, name => attempt.Environment.GetValueOrDefault(name));

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
        if (job.Step > 1)
        {
            start.ArgumentList.Add("--step");
            start.ArgumentList.Add(job.Step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var (name, value) in attempt.Environment) start.Environment[name] = value;
        start.Environment["PWD"] = attempt.WorkDirectory;
        // A killed .NET process leaves its debugger pipes and diagnostic socket in TMPDIR; a task needs neither.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";

        var tail = new Queue<string>();
        string? fatal = null;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + job.HdnrCommand[0]);
        using var kill = cancel.Register(() => Kill(process));
        using var timeout = new TaskTimeout(attempt.AttemptId, timeoutMilliseconds, reporter, () => Kill(process));
        var feed = Task.Run(() => Feed(input, process, reporter));
        var errors = Task.Run(() =>
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                reporter.Tick();
                if (reporter.TryReport(line)) continue;
                lock (tail)
                {
                    // The runtime's own last words (a stack overflow, FailFast) come before a trace longer than the tail.
                    if (fatal is null && (line == "Stack overflow." || line.StartsWith("Process terminated.", StringComparison.Ordinal))) fatal = line;
                    // After them, the runtime's frames of hdnr itself say nothing to the script's author; the script's do.
                    if (fatal is not null && line.StartsWith("   at ", StringComparison.Ordinal) && !line.StartsWith("   at Script", StringComparison.Ordinal)) continue;
                    tail.Enqueue(line);
                    if (tail.Count > TailLines) tail.Dequeue();
                }
            }
        });
        Exception? outputFailure = null;
        try
        {
            var stdout = process.StandardOutput.BaseStream;
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stdout.Read(buffer)) > 0)
            {
                reporter.Tick();
                output.Write(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outputFailure = e;
            Kill(process);
        }
        process.WaitForExit();
        var (inputFailure, inputCut) = feed.GetAwaiter().GetResult();
        errors.GetAwaiter().GetResult();
        cancel.ThrowIfCancellationRequested();
        // A damaged input fails the job at once: every attempt would read the same bytes.
        if (inputFailure is CorruptInputException) ExceptionDispatchInfo.Throw(inputFailure);
        string[] lines;
        lock (tail) lines = [.. tail];
        if (timeout.Expired) throw new TaskAttemptFailedException(timeout.Message, lines);
        var failed = process.ExitCode != 0 && job.NonZeroExitIsFailure;
        if (fatal is not null && failed)
            throw new TaskAttemptFailedException($"{TaskName(attempt.Kind)} process ended with exit code {process.ExitCode}: {fatal}", lines);
        // A combine attempt run for this map's output failed on its own terms.
        if (outputFailure is TaskAttemptFailedException combine) ExceptionDispatchInfo.Throw(combine);
        if (outputFailure is not null)
            throw new TaskAttemptFailedException($"{TaskName(attempt.Kind)} output is not valid: {outputFailure.Message}", lines, outputFailure);
        if (inputFailure is not null) throw new TaskAttemptFailedException(TaskFailure.Describe(inputFailure), lines, inputFailure);
        if (failed)
            throw new TaskAttemptFailedException(
                lines.Length > 0 ? lines[^1] : $"{TaskName(attempt.Kind)} process exited with code {process.ExitCode}", lines);
        // Hadoop fails such a task with "Broken pipe" once its input outgrows the pipe; a small input it may not notice.
        if (inputCut)
            throw new TaskAttemptFailedException($"{TaskName(attempt.Kind)} process exited (code {process.ExitCode}) before reading all its input", lines);
    }

    // Writes the task's input to its stdin; a failure to read the input is returned (and the task killed, as it would
    // wait for the rest), a task that stopped reading is noted.
    private static (Exception? Failure, bool Cut) Feed(Stream input, Process process, CountingReporter reporter)
    {
        var stdin = process.StandardInput.BaseStream;
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = input.Read(buffer);
                }
                catch (Exception e)
                {
                    Kill(process);
                    return (e, false);
                }
                if (read == 0) break;
                stdin.Write(buffer, 0, read);
                reporter.Tick();
            }
            stdin.Close();
            return (null, false);
        }
        catch (IOException)
        {
            return (null, true);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It has exited (or is being disposed) already.
        }
    }

    private static string TaskName(TaskKind kind) => kind.ToString().ToLowerInvariant();
}
