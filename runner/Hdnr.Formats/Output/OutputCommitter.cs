using Hdnr.Runtime.Files;

namespace Hdnr.Formats.Output;

/// <summary>Hadoop's FileOutputCommitter (algorithm 1), with a previous output kept until the new one is committed: tasks write under <c>OUTPUT/_temporary/0/_temporary/ATTEMPT</c>, a task commit renames that to <c>OUTPUT/_temporary/0/TASK</c>, the job commit merges the committed task directories into OUTPUT, deletes <c>_temporary</c> and writes <c>_SUCCESS</c>.</summary>
/// <remarks>OUTPUT is always made by this job (an existing one is moved aside first), so a job that fails anywhere, its commit included, is undone by deleting OUTPUT and moving the previous one back.</remarks>
public sealed class OutputCommitter(string output, TextWriter log)
{
    // Names the commit writes itself at the top of OUTPUT; a task's entry with one of them would be lost or would break the commit.
    private static readonly string[] Reserved = ["_temporary", "_SUCCESS"];

    private readonly string _temporary = Path.Combine(output, "_temporary");
    private readonly string _jobAttempt = Path.Combine(output, "_temporary", "0");
    private string? _previous;
    private bool _created;

    public string Output { get; } = output;

    /// <summary>Refuses an existing output (FileOutputFormat.checkOutputSpecs) unless <paramref name="overwrite"/>.</summary>
    public void CheckOutputSpecs(bool overwrite)
    {
        if (!overwrite && FileEntry.Exists(Output)) throw new OutputExistsException($"Output directory file:{Output} already exists");
    }

    /// <summary>Moves an existing output aside when <paramref name="overwrite"/> (it is deleted only once this job has committed), then makes OUTPUT and the job's temporary directory; first notes both in the job's <paramref name="journal"/> folder, for the next launch-local should this one be killed.</summary>
    public void SetupJob(bool overwrite, string journal, string jobId)
    {
        CheckOutputSpecs(overwrite);
        // A running job's OUTPUT holds its _temporary (a killed one's of this user was undone before): never replace it.
        if (Directory.Exists(_temporary))
            throw new OutputExistsException($"Output directory file:{Output} is being written by another job", replaceable: false);
        // A hidden sibling: same file system, so the moves are renames, and no input listing of the parent sees it.
        var previous = FileEntry.Exists(Output)
            ? Path.Combine(Path.GetDirectoryName(Output)!, $".{Path.GetFileName(Output)}.hdnr-previous-{Path.GetRandomFileName()}")
            : null;
        new OutputJournal(Output, previous, jobId).Write(journal);
        if (previous is not null)
        {
            FileEntry.Move(Output, previous);
            _previous = previous;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Output)!);
            // Of two jobs started on the same OUTPUT, one makes it and the other is refused, as Hadoop's check would.
            if (!ExclusiveDirectory.TryCreate(Output)) throw new OutputExistsException($"Output directory file:{Output} already exists");
            _created = true;
            Directory.CreateDirectory(Path.Combine(_jobAttempt, "_temporary"));
            // Names the job that made OUTPUT, so a recovery after a kill touches this job's OUTPUT and no other.
            File.WriteAllBytes(OutputJournal.OwnerMarker(Output, jobId), []);
        }
        catch
        {
            AbortJob();
            throw;
        }
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

    /// <summary>Merges every committed task directory into the output as Hadoop's mergePaths does, in task-id order, removes <c>_temporary</c> and writes <c>_SUCCESS</c> last: from then on the job is committed.</summary>
    /// <exception cref="IOException">A task wrote a name the commit needs; checked for every task before anything moves.</exception>
    public void CommitJob()
    {
        // Hadoop merges in its file system's listing order (hash order on ext4), so where two tasks wrote the same name the
        // survivor is arbitrary; task-id order makes it the highest task id (maps before reduces) on every run.
        var tasks = new DirectoryInfo(_jobAttempt).EnumerateDirectories().Where(d => d.Name != "_temporary").OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        foreach (var task in tasks)
        {
            if (task.EnumerateFileSystemInfos().FirstOrDefault(e => Reserved.Contains(e.Name)) is { } entry)
                throw new IOException($"Task {task.Name} wrote {entry.Name} in its output directory, a name the commit keeps for itself: nothing was committed to {Output}");
        }
        foreach (var task in tasks) Merge(task, Output);
        Directory.Delete(_temporary, recursive: true);
        File.WriteAllBytes(Path.Combine(Output, "_SUCCESS"), []);
    }

    /// <summary>Deletes the output a committed job replaced; a failure is said on the log, never undoes the commit.</summary>
    public void DeletePrevious()
    {
        if (_previous is null) return;
        try
        {
            FileEntry.Delete(_previous);
            _previous = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"hdnr: the output is committed, but the output it replaced, moved to {_previous}, could not be deleted: {e.Message}");
        }
    }

    /// <summary>Undoes the job: deletes the OUTPUT this job made (all of it is this failed job's) and moves a replaced output back; an output that existed before is never deleted.</summary>
    public void AbortJob()
    {
        try
        {
            // OUTPUT is always this job's own when it made it; otherwise it is another's, and not to be touched.
            if (_created) FileEntry.Delete(Output);
            if (_previous is not null && !FileEntry.Exists(Output)) FileEntry.Move(_previous, Output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Abort runs while another error is on its way to the user: report this one beside it instead of hiding that.
            log.WriteLine(_previous is null
                ? $"hdnr: could not remove the failed job's {Output}: {e.Message}"
                : $"hdnr: could not put the previous output back in {Output}; it is kept in {_previous}: {e.Message}");
        }
    }

    // FileOutputCommitter.mergePaths: a file replaces whatever is there; a directory merges into a directory and replaces anything else.
    private static void Merge(FileSystemInfo from, string to)
    {
        if (from is DirectoryInfo directory && from.LinkTarget is null)
        {
            if (Directory.Exists(to) && new DirectoryInfo(to).LinkTarget is null)
            {
                foreach (var entry in directory.EnumerateFileSystemInfos()) Merge(entry, Path.Combine(to, entry.Name));
                return;
            }
            FileEntry.Delete(to);
            FileEntry.Move(from.FullName, to);
            return;
        }
        FileEntry.Delete(to);
        FileEntry.Move(from.FullName, to);
    }

    private string AttemptPath(string attemptId) => Path.Combine(_jobAttempt, "_temporary", attemptId);
}
