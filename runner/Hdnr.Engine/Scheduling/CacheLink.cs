// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
namespace Hdnr.Engine.Scheduling;

/// <summary>A <c>-files</c> or <c>-archives</c> entry, <c>PATH[#NAME]</c>, and the name Hadoop links it under in a task's working directory.</summary>
/// <remarks>
/// Hadoop 2.8.5's rule (MRApps.parseDistributedCacheArtifacts, for YARN and local mode alike): the URI's fragment, else
/// the file name of the path, extension included: <c>deps.tar.gz</c> links as <c>deps.tar.gz</c>, a folder holding the
/// unpacked archive.
/// </remarks>
/// <param name="Location">The path or URI, without the fragment.</param>
/// <param name="Name">The link's name.</param>
public sealed record CacheLink(string Location, string Name)
{
    /// <summary>Splits <paramref name="entry"/> at its last <c>#</c>.</summary>
    /// <exception cref="InvalidDataException">The path or the name is empty, or the name is not one file name.</exception>
    public static CacheLink Parse(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var hash = entry.LastIndexOf('#');
        var location = hash < 0 ? entry : entry[..hash];
        var trimmed = location.TrimEnd('/');
        var name = hash < 0 ? trimmed[(trimmed.LastIndexOf('/') + 1)..] : entry[(hash + 1)..];
        // Hadoop refuses a name that is not relative ("Resource name must be relative"); one that climbs out is no better.
        if (trimmed.Length == 0 || name.Length == 0 || name.Contains('/') || name is "." or "..")
            throw new InvalidDataException($"'{entry}': expected PATH#NAME, NAME one file name");
        return new CacheLink(location, name);
    }
}
