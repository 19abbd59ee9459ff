using System.Text;
using Hdnr.Runtime.Files;

namespace Hdnr.Engine;

/// <summary>What a running job does to its OUTPUT, written in its scratch folder before the first change, so the next launch-local can finish or undo the work of a job that was killed midway (SIGKILL, a crash, a power cut).</summary>
/// <param name="Output">The job's OUTPUT directory.</param>
/// <param name="Previous">Where the output the job replaces (<c>--overwrite</c>) was moved aside; null when there was none.</param>
/// <remarks>
/// A job that ends in any other way undoes or finishes this itself (<see cref="OutputCommitter.AbortJob"/>,
/// <see cref="OutputCommitter.CommitJob"/>); the journal matters only when nothing of the job ran after the kill. Its
/// rules, applied by <see cref="Recover"/> when the job's lock shows it is gone: an OUTPUT with <c>_SUCCESS</c> was
/// committed, so the previous output is deleted as the commit would have; an OUTPUT still holding the job's
/// <c>_temporary/0</c> and no <c>_SUCCESS</c> is the dead job's unfinished work, so it is deleted and the previous output
/// moved back. Anything else at OUTPUT (a user made it since) is left alone, and so is the previous output then.
/// </remarks>
internal sealed record OutputJournal(string Output, string? Previous)
{
    private const string FileName = "output.journal";

    /// <summary>Writes the journal into the job's scratch folder <paramref name="scratch"/>, replacing an earlier one.</summary>
    public void Write(string scratch) =>
        AtomicFile.Write(Path.Combine(scratch, FileName), Encoding.UTF8.GetBytes($"{Output}\n{Previous}\n"), AtomicFile.Private);

    /// <summary>Finishes or undoes the output work of the dead job whose scratch folder is <paramref name="scratch"/>, saying what it did on <paramref name="log"/>.</summary>
    public static void Recover(string scratch, TextWriter log)
    {
        if (Read(Path.Combine(scratch, FileName)) is not { } journal) return;
        try
        {
            journal.Recover(log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"hdnr: could not tidy {journal.Output} after a killed job: {e.Message}"
                + (journal.Previous is null ? "" : $"; the output it was to replace is kept in {journal.Previous}"));
        }
    }

    private void Recover(TextWriter log)
    {
        var previousKept = Previous is not null && (Directory.Exists(Previous) || File.Exists(Previous));
        if (File.Exists(Path.Combine(Output, "_SUCCESS")) && !Directory.Exists(Path.Combine(Output, "_temporary")))
        {
            if (!previousKept) return;
            FileEntry.Delete(Previous!);
            log.WriteLine($"hdnr: a killed job had committed {Output}: removed the output it replaced");
            return;
        }
        if (Directory.Exists(Path.Combine(Output, "_temporary", "0")) && !File.Exists(Path.Combine(Output, "_SUCCESS")))
        {
            FileEntry.Delete(Output);
            log.WriteLine(previousKept
                ? $"hdnr: a killed job left {Output} unfinished: removed it and put the previous output back"
                : $"hdnr: a killed job left {Output} unfinished: removed it");
        }
        // Killed while it made OUTPUT: an empty folder holds nothing to lose.
        else if (Directory.Exists(Output) && !Directory.EnumerateFileSystemEntries(Output).Any()) Directory.Delete(Output);
        if (previousKept && !FileEntry.Exists(Output)) FileEntry.Move(Previous!, Output);
    }

    private static OutputJournal? Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return lines.Length >= 2 && Path.IsPathFullyQualified(lines[0])
            ? new OutputJournal(lines[0], lines[1].Length == 0 ? null : lines[1])
            : null;
    }
}
