namespace Hdnr.Engine;

/// <summary>Hadoop's FileOutputCommitter (algorithm 1): tasks write under <c>OUTPUT/_temporary/0/_temporary/ATTEMPT</c>, a task commit renames that to <c>OUTPUT/_temporary/0/TASK</c>, the job commit moves the committed files into OUTPUT, deletes <c>_temporary</c> and writes <c>_SUCCESS</c>.</summary>
internal sealed class OutputCommitter(string output)
{
    private readonly string _jobAttempt = Path.Combine(output, "_temporary", "0");

    public string Output { get; } = output;

    /// <summary>Refuses an existing output (FileOutputFormat.checkOutputSpecs) unless <paramref name="overwrite"/>, then makes the job's temporary directory.</summary>
    public void SetupJob(bool overwrite)
    {
        if (Directory.Exists(Output) || File.Exists(Output))
        {
            if (!overwrite) throw new OutputExistsException($"Output directory file:{Output} already exists");
            if (Directory.Exists(Output)) Directory.Delete(Output, recursive: true);
            else File.Delete(Output);
        }
        Directory.CreateDirectory(Path.Combine(_jobAttempt, "_temporary"));
    }

    /// <summary>The directory a task attempt writes its files in, made empty.</summary>
    public string SetupTask(string attemptId)
    {
        var path = AttemptPath(attemptId);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Makes an attempt's files the task's output.</summary>
    public void CommitTask(string attemptId, string taskId)
    {
        var committed = Path.Combine(_jobAttempt, taskId);
        if (Directory.Exists(committed)) Directory.Delete(committed, recursive: true);
        Directory.Move(AttemptPath(attemptId), committed);
    }

    /// <summary>Throws an attempt's files away.</summary>
    public void AbortTask(string attemptId)
    {
        var path = AttemptPath(attemptId);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    /// <summary>Moves every committed file into the output, removes <c>_temporary</c>, then writes <c>_SUCCESS</c> last.</summary>
    public void CommitJob()
    {
        foreach (var task in Directory.EnumerateDirectories(_jobAttempt).Where(d => Path.GetFileName(d) != "_temporary").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(task))
                File.Move(file, Path.Combine(Output, Path.GetFileName(file)));
        }
        Directory.Delete(Path.Combine(Output, "_temporary"), recursive: true);
        File.WriteAllBytes(Path.Combine(Output, "_SUCCESS"), []);
    }

    /// <summary>Removes <c>_temporary</c>, so nothing of a failed job looks like output; the output directory itself stays, as Hadoop leaves it.</summary>
    public void AbortJob()
    {
        var temporary = Path.Combine(Output, "_temporary");
        if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
    }

    private string AttemptPath(string attemptId) => Path.Combine(_jobAttempt, "_temporary", attemptId);
}
