// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using System.Formats.Tar;
using System.IO.Compression;
using Hdnr.Engine.Scratch;

namespace Hdnr.Engine.Scheduling;

/// <summary>The job's <c>-files</c> and <c>-archives</c>, made available as Hadoop's distributed cache does: each is linked into a task's working directory under its <see cref="CacheLink"/> name, archives unpacked once per job first.</summary>
internal sealed class JobFiles
{
    private readonly List<(string Name, string Target)> _links = [];

    private JobFiles()
    {
    }

    /// <summary>Checks the files exist and unpacks the archives under <paramref name="localDirectory"/>.</summary>
    public static JobFiles Prepare(JobDescription job, string localDirectory)
    {
        var files = new JobFiles();
        foreach (var entry in job.Files)
        {
            var (path, name) = Split(entry);
            if (!File.Exists(path) && !Directory.Exists(path)) throw new FileNotFoundException($"File {path} does not exist.", path);
            files._links.Add((name, path));
        }
        foreach (var entry in job.Archives)
        {
            var (path, name) = Split(entry);
            if (!File.Exists(path)) throw new FileNotFoundException($"File {path} does not exist.", path);
            var target = Path.Combine(localDirectory, "archives", name);
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(target);
            else Directory.CreateDirectory(target, ScratchDirectory.DirectoryMode);
            Unpack(path, target);
            files._links.Add((name, target));
        }
        return files;
    }

    /// <summary>Whether there is anything to link.</summary>
    public bool Any => _links.Count > 0;

    /// <summary>Makes the links in a task's working directory.</summary>
    public void LinkInto(string workDirectory)
    {
        foreach (var (name, target) in _links)
        {
            var link = Path.Combine(workDirectory, name);
            if (!File.Exists(link) && !Directory.Exists(link)) File.CreateSymbolicLink(link, target);
        }
    }

    /// <summary>A <c>path#name</c> entry as its full path and its link name (the file's name without <c>#name</c>).</summary>
    public static (string Path, string Name) Split(string entry)
    {
        var link = CacheLink.Parse(entry);
        return (Path.GetFullPath(link.Location), link.Name);
    }

    // Hadoop's RunJar.unJar / FileUtil.unTar by extension: .zip and .jar, .tar, .tar.gz and .tgz.
    private static void Unpack(string archive, string target)
    {
        var name = archive.ToLowerInvariant();
        if (name.EndsWith(".zip", StringComparison.Ordinal) || name.EndsWith(".jar", StringComparison.Ordinal))
        {
            ZipFile.ExtractToDirectory(archive, target, overwriteFiles: true);
        }
        else if (name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
            TarFile.ExtractToDirectory(gzip, target, overwriteFiles: true);
        }
        else if (name.EndsWith(".tar", StringComparison.Ordinal))
        {
            TarFile.ExtractToDirectory(archive, target, overwriteFiles: true);
        }
        else
        {
            throw new InvalidDataException($"{archive} is not an archive hdnr can unpack (.zip, .jar, .tar, .tar.gz, .tgz)");
        }
    }
}
