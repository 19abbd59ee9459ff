// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using System.Globalization;

namespace Hdnr.Engine.Scheduling;

/// <summary>Hadoop's local job, task and attempt ids: <c>job_local1234_0001</c>, <c>task_local1234_0001_m_000003</c>, <c>attempt_local1234_0001_m_000003_0</c>.</summary>
public sealed record TaskIds(string JobId)
{
    /// <summary>A new local job id, with a random number as LocalJobRunner picks one.</summary>
    public static TaskIds NewJob() =>
        new(string.Create(CultureInfo.InvariantCulture, $"job_local{Random.Shared.Next(1, int.MaxValue)}_0001"));

    private string Tail => JobId["job_".Length..];

    /// <summary>The id of map (<paramref name="isMap"/>) or reduce task number <paramref name="index"/>.</summary>
    public string Task(bool isMap, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"task_{Tail}_{(isMap ? 'm' : 'r')}_{index:D6}");

    /// <summary>The id of attempt <paramref name="attempt"/> (from 0) of that task.</summary>
    public string Attempt(bool isMap, int index, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"attempt_{Tail}_{(isMap ? 'm' : 'r')}_{index:D6}_{attempt}");

    /// <summary>A part file's name, as the old API's FileOutputFormat names it.</summary>
    public static string PartName(int index) => string.Create(CultureInfo.InvariantCulture, $"part-{index:D5}");
}
