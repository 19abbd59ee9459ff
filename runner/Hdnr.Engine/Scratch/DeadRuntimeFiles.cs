// Scratch: the job's private working folder, and what a killed job left behind.
using System.Globalization;

namespace Hdnr.Engine.Scratch;

/// <summary>The debugger pipes and diagnostic socket the .NET runtime keeps in TMPDIR for each process (<c>clr-debug-pipe-PID-KEY-in</c>, <c>-out</c>, <c>dotnet-diagnostic-PID-KEY-socket</c>), removed for an hdnr that was killed before its runtime could remove them.</summary>
internal static class DeadRuntimeFiles
{
    /// <summary>Removes the runtime's files of the dead process <paramref name="pid"/>, keeping those of a live process that now has the same id (its KEY, the process's start time, differs).</summary>
    public static void Remove(int pid)
    {
        var live = StartTime(pid);
        foreach (var pattern in new[] { $"clr-debug-pipe-{pid}-*", $"dotnet-diagnostic-{pid}-*" })
        {
            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFileSystemEntries(Path.GetTempPath(), pattern).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
            foreach (var file in files)
            {
                var key = Path.GetFileName(file).Split('-') is { Length: >= 5 } parts ? parts[^2] : null;
                if (key is null || key == live) continue;
                try
                {
                    File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another user's (a shared TMPDIR) or already gone: not ours to insist on.
                }
            }
        }
    }

    // Field 22 of /proc/PID/stat, which the runtime uses as the KEY; null when no process has that id.
    private static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
