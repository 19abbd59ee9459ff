// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using Hdnr.Runtime.Jobs;

namespace Hdnr.Engine.Scheduling;

/// <summary>Hadoop's task retry: a failed attempt is thrown away and the task runs again, up to <c>mapreduce.map.maxattempts</c> / <c>mapreduce.reduce.maxattempts</c> times (4), then the job fails.</summary>
internal static class TaskRetry
{
    /// <summary>Runs <paramref name="attempt"/> with attempt numbers 0, 1, ... until one succeeds, each on <paramref name="progress"/>'s timeline under the id <paramref name="attemptId"/> gives.</summary>
    /// <exception cref="JobFailedException">Every attempt failed.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled: an attempt that failed meanwhile (a task process the same Ctrl-C reached first) is no failure of the task.</exception>
    public static T Run<T>(string taskId, TaskKind kind, int maxAttempts, Func<int, string> attemptId, Func<int, T> attempt, Action<int> abort,
        JobProgress progress, CancellationToken cancel)
    {
        for (var number = 0; ; number++)
        {
            try
            {
                var current = number;
                return progress.Attempt(attemptId(number), kind, () => attempt(current), cancel);
            }
            catch (TaskAttemptFailedException failure)
            {
                abort(number);
                cancel.ThrowIfCancellationRequested();
                if (number + 1 >= Math.Max(maxAttempts, 1)) throw new JobFailedException(taskId, number + 1, failure);
            }
            catch
            {
                abort(number);
                throw;
            }
        }
    }
}
