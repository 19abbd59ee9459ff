// Output and commit: what a job may replace when it writes its output.
using Hdnr.Engine.Scheduling;
using Hdnr.Engine.Scratch;
using Hdnr.Formats.Output;

namespace Hdnr.Engine.Output;

/// <summary>Refuses to replace an existing output that is, or holds, something the user keeps: an input, the script, a shipped file, the working directory, the home directory (so <c>/</c> too), the temporary directory or hdnr's own scratch and cache.</summary>
internal static class OverwriteGuard
{
    /// <summary>Throws when replacing <paramref name="output"/> would delete one of the job's inputs (<paramref name="inputFiles"/> and the arguments they came from) or a directory the user keeps, after resolving <c>..</c> and symbolic links.</summary>
    /// <exception cref="OutputPathException">Replacing the output would delete it.</exception>
    public static void Check(string output, JobDescription job, IReadOnlyList<string> inputFiles)
    {
        // Without an existing output nothing is replaced; without --overwrite an existing one was refused already.
        if (!job.Overwrite || !FileEntry.Exists(output)) return;
        // Replacing deletes OUTPUT's entry in its parent (a link itself, not its target) and, for a directory, what is under it.
        var replaced = new[] { Path.Combine(RealPath.Of(Path.GetDirectoryName(output) ?? "/"), Path.GetFileName(output)), RealPath.Of(output) };
        foreach (var (what, path) in Kept(job, inputFiles))
        {
            // A kept path that is a link is lost with the link's directory, its target with the target's.
            var real = RealPath.Of(path);
            var location = Path.Combine(RealPath.Of(Path.GetDirectoryName(path) ?? "/"), Path.GetFileName(path));
            foreach (var deleted in replaced)
            {
                foreach (var kept in new[] { location, real }.Distinct())
                {
                    if (Holds(deleted, kept))
                        throw new OutputPathException($"Output file:{output} {(deleted == kept ? "is" : "holds")} {what} file:{path}, which --overwrite would delete");
                }
            }
        }
    }

    private static IEnumerable<(string What, string Path)> Kept(JobDescription job, IReadOnlyList<string> inputFiles)
    {
        foreach (var input in job.Inputs.Select(Path.GetFullPath).Where(p => File.Exists(p) || Directory.Exists(p))) yield return ("the input", input);
        foreach (var file in inputFiles) yield return ("the input", file);
        yield return ("the script", Path.GetFullPath(job.ScriptPath));
        foreach (var shipped in job.Files.Concat(job.Archives)) yield return ("the shipped file", JobFiles.Split(shipped).Path);
        yield return ("the working directory", Environment.CurrentDirectory);
        if (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home) yield return ("the home directory", home);
        yield return ("the temporary directory", Path.TrimEndingDirectorySeparator(Path.GetTempPath()));
        // hdnr's own folders: other jobs' scratch and journals, and the compiled script in the cache (so the cache too).
        yield return ("hdnr's scratch directory", ScratchDirectory.UserRoot);
        yield return ("the compiled script", job.AssemblyPath);
    }

    private static bool Holds(string directory, string path) =>
        path == directory || path.StartsWith(directory == "/" ? "/" : directory + "/", StringComparison.Ordinal);
}
