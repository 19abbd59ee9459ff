using System.Text;
using System.Text.RegularExpressions;
using Hdnr.Runtime.Files;

namespace Hdnr.Formats.Output;

/// <summary>What a running job does to its OUTPUT, written in its scratch folder before the first change, so the next launch-local can finish or undo the work of a job that was killed midway (SIGKILL, a crash, a power cut).</summary>
/// <param name="Output">The job's OUTPUT directory.</param>
/// <param name="Previous">Where the output the job replaces (<c>--overwrite</c>) was moved aside; null when there was none.</param>
/// <param name="JobId">The job's id, which the OUTPUT it made carries in <see cref="OwnerMarker"/> until it commits.</param>
/// <remarks>
/// A job that ends in any other way undoes or finishes this itself (<see cref="OutputCommitter.AbortJob"/>,
/// <see cref="OutputCommitter.CommitJob"/>); the journal matters only when nothing of the job ran after the kill. Its
/// rules, applied by <see cref="Recover"/> when the job's lock shows it is gone: an OUTPUT with <c>_SUCCESS</c> and no
/// <c>_temporary</c> was committed, so the previous output is deleted as the job would have; an OUTPUT that still holds
/// the job's own marker and no <c>_SUCCESS</c> is its unfinished work, so it is deleted and the previous output moved
/// back. Anything else at OUTPUT (another job's, or a folder the user made since) is left alone.
/// </remarks>
public sealed partial record OutputJournal(string Output, string? Previous, string JobId)
{
    private const string FileName = "output.journal";

    /// <summary>The file in OUTPUT's <c>_temporary</c> that names the job which made OUTPUT.</summary>
    public static string OwnerMarker(string output, string jobId) => Path.Combine(output, "_temporary", "hdnr-" + jobId);

    /// <summary>Writes the journal into the job's scratch folder <paramref name="scratch"/>, replacing an earlier one.</summary>
    /// <remarks>Each field percent-encoded on a line of its own: a path may hold any character, a line end included.</remarks>
    public void Write(string scratch) =>
        AtomicFile.Write(Path.Combine(scratch, FileName),
            Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(Output)}\n{Uri.EscapeDataString(Previous ?? "")}\n{Uri.EscapeDataString(JobId)}\n"),
            AtomicFile.Private);

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
        var previousKept = Previous is not null && FileEntry.Exists(Previous);
        if (File.Exists(Path.Combine(Output, "_SUCCESS")) && !Directory.Exists(Path.Combine(Output, "_temporary")))
        {
            if (!previousKept) return;
            FileEntry.Delete(Previous!);
            log.WriteLine($"hdnr: a killed job had committed {Output}: removed the output it replaced");
            return;
        }
        if (File.Exists(OwnerMarker(Output, JobId)) && !File.Exists(Path.Combine(Output, "_SUCCESS")))
        {
            FileEntry.Delete(Output);
            log.WriteLine(previousKept
                ? $"hdnr: a killed job left {Output} unfinished: removed it and put the previous output back"
                : $"hdnr: a killed job left {Output} unfinished: removed it");
        }
        if (!previousKept || FileEntry.Exists(Output)) return;
        FileEntry.Move(Previous!, Output);
        log.WriteLine($"hdnr: a killed job had moved {Output} aside: put it back");
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
        if (lines.Length < 3) return null;
        var output = Uri.UnescapeDataString(lines[0]);
        var previous = lines[1].Length == 0 ? null : Uri.UnescapeDataString(lines[1]);
        var jobId = Uri.UnescapeDataString(lines[2]);
        // Only what this code writes is acted on: an OUTPUT path, its own hidden sibling, a job id.
        var sibling = previous is null || (Path.GetDirectoryName(previous) == Path.GetDirectoryName(output)
            && Path.GetFileName(previous).StartsWith($".{Path.GetFileName(output)}.hdnr-previous-", StringComparison.Ordinal));
        return Path.IsPathFullyQualified(output) && sibling && JobIdPattern().IsMatch(jobId)
            ? new OutputJournal(output, previous, jobId)
            : null;
    }

    [GeneratedRegex(@"^job_local\d+_\d{4}$")]
    private static partial Regex JobIdPattern();
}
