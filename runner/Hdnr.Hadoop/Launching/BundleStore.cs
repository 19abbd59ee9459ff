using System.Globalization;
using System.Security.Cryptography;

namespace Hdnr.Hadoop.Launching;

/// <summary>The user's own frozen bundles on the cluster's filesystem, under <c>HOME/.hdnr/bundles/KEY/NAME.tar.gz</c>, each checked before it is reused.</summary>
/// <param name="Hadoop">The installation whose <c>hadoop fs</c> reaches the filesystem.</param>
/// <param name="Root">The store's folder as a URI, e.g. <c>hdfs://nn:8020/user/ana/.hdnr/bundles</c>.</param>
/// <param name="User">Who must own a stored bundle for it to be reused.</param>
/// <param name="Environment">Variables for the <c>hadoop</c> processes (null: this process's own).</param>
public sealed record BundleStore(HadoopInstallation Hadoop, string Root, string User, IReadOnlyDictionary<string, string?>? Environment = null)
{
    /// <summary>True for the bundles kept in the store: self-contained ones (tens of MB); the others travel with each job as a local <c>-archives</c> path.</summary>
    /// <remarks>The store's check and upload cost two or three <c>hadoop fs</c> JVMs (about a second each) before the job; a native bundle
    /// of a few MB is staged privately by job submission in less than that, while a self-contained one (about 38 MB) is worth keeping.</remarks>
    public static bool Keeps(Freezing.FreezeMode mode) => mode == Freezing.FreezeMode.SelfContained;

    /// <summary>The store of the user running hdnr (<c>HADOOP_USER_NAME</c> when set, as Hadoop's simple authentication takes it) on the cluster's default filesystem.</summary>
    public static BundleStore For(HadoopInstallation hadoop, IReadOnlyList<string> defines)
    {
        ArgumentNullException.ThrowIfNull(hadoop);
        var fs = DefaultFileSystem.Of(hadoop, defines, System.Environment.GetEnvironmentVariable).TrimEnd('/');
        var user = System.Environment.GetEnvironmentVariable("HADOOP_USER_NAME") is { Length: > 0 } named ? named : System.Environment.UserName;
        // Hadoop's home folder: the local user's home on file:///, /user/NAME elsewhere (dfs.user.home.dir.prefix's default).
        var home = fs.StartsWith("file:", StringComparison.Ordinal)
            ? "file://" + System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile)
            : $"{fs}/user/{user}";
        return new BundleStore(hadoop, $"{home}/.hdnr/bundles", user);
    }

    /// <summary>A folder of the user's for one job's data between its steps: <c>HOME/.hdnr/tmp/NAME-RANDOM</c>, beside the store; nothing is made yet.</summary>
    public string TemporaryFolder(string name) => $"{Root[..Root.LastIndexOf('/')]}/tmp/{name}-{Guid.NewGuid():N}";

    /// <summary>Makes <paramref name="folder"/> (and its parents), the user's alone (umask 077).</summary>
    /// <exception cref="HadoopToolException">The filesystem refused it.</exception>
    public void Create(string folder) => Fs("-D", "fs.permissions.umask-mode=077", "-mkdir", "-p", folder);

    /// <summary>Removes <paramref name="folder"/> and everything under it, bypassing the trash; a folder that is not there is no error.</summary>
    /// <exception cref="HadoopToolException">The filesystem refused it.</exception>
    public void RemoveFolder(string folder) => Fs("-rm", "-r", "-f", "-skipTrash", folder);

    /// <summary>Where an archive is kept: <c>ROOT/KEY/NAME.tar.gz</c>.</summary>
    public string Target(string key, string archive) => $"{Root}/{key}/{Path.GetFileName(archive)}";

    /// <summary>The URI of the stored archive: the one already there when it is the user's and equals <paramref name="archive"/> byte for byte, else a new upload.</summary>
    /// <exception cref="HadoopToolException">The filesystem refused a step; the message names it.</exception>
    public string Ensure(string archive, string key, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var target = Target(key, archive);
        var why = Mismatch(target, archive);
        if (why is null)
        {
            log.WriteLine($"hdnr: {target} is already in your bundle store");
            return target;
        }
        if (why != Absent)
        {
            log.WriteLine($"hdnr: {target} is not reused: {why}; uploading it again");
            Fs("-rm", "-f", "-skipTrash", target);
        }
        // Only the user may read or write the store (umask 077): jobs localize its archives as private resources.
        Fs("-D", "fs.permissions.umask-mode=077", "-mkdir", "-p", $"{Root}/{key}");
        // Put under a new random name (-put without -f refuses an existing one), then rename: a job never sees half an archive,
        // and of two launches uploading at once one rename wins and the other finds its archive.
        var temp = $"{target}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}.tmp";
        Fs("-D", "fs.permissions.umask-mode=077", "-put", archive, temp);
        var moved = Run("-mv", temp, target);
        if (moved.ExitCode != 0)
        {
            Run("-rm", "-f", "-skipTrash", temp);
            if (Mismatch(target, archive) is { } still)
                throw new HadoopToolException($"hadoop fs -mv {temp} {target} failed and what is there is not this bundle ({still}):\n{moved.Output.Trim()}");
        }
        log.WriteLine($"hdnr: uploaded {Path.GetFileName(archive)} to {target}");
        return target;
    }

    /// <summary>Every file in the store (bundles, and uploads a killed launch left), oldest first; none when the store was never made.</summary>
    public IReadOnlyList<StoredBundle> List()
    {
        var listed = Run("-ls", "-R", Root);
        if (listed.ExitCode != 0)
        {
            if (listed.Output.Contains("No such file", StringComparison.Ordinal)) return [];
            throw new HadoopToolException($"hadoop fs -ls -R {Root} failed (exit {listed.ExitCode}):\n{listed.Output.Trim()}");
        }
        var bundles = new List<StoredBundle>();
        foreach (var line in listed.Output.Split('\n'))
        {
            // "-rw------- 1 ana ana 1407785 2026-11-29 12:38 PATH": a file (not 'd'), eight fields, the path last (it may hold spaces).
            var words = line.Split(' ', 8, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 8 || !words[0].StartsWith('-') || !long.TryParse(words[4], CultureInfo.InvariantCulture, out var size)
                || !DateTime.TryParseExact($"{words[5]} {words[6]}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var modified))
                continue;
            var path = words[7].Trim();
            bundles.Add(new StoredBundle(path, path[..path.LastIndexOf('/')], size, modified));
        }
        return [.. bundles.OrderBy(b => b.Modified).ThenBy(b => b.Path, StringComparer.Ordinal)];
    }

    /// <summary>Removes the given files, and the folders left with nothing else, past the trash (a cache is not worth keeping twice), in one <c>hadoop fs</c> run.</summary>
    public void Remove(IReadOnlyList<StoredBundle> bundles, IReadOnlyList<StoredBundle> all)
    {
        ArgumentNullException.ThrowIfNull(bundles);
        ArgumentNullException.ThrowIfNull(all);
        var emptied = bundles.Select(b => b.Folder).Distinct().Where(f => all.Where(a => a.Folder == f).All(bundles.Contains)).ToHashSet();
        var paths = emptied.Concat(bundles.Where(b => !emptied.Contains(b.Folder)).Select(b => b.Path)).ToArray();
        if (paths.Length > 0) Fs(["-rm", "-r", "-f", "-skipTrash", .. paths]);
    }

    private const string Absent = "absent";

    /// <summary>Null when the stored file is the user's and holds the local archive's bytes; else why not (<see cref="Absent"/> when there is none).</summary>
    internal string? Mismatch(string target, string archive)
    {
        var stat = Run("-stat", "%u %b", target);
        if (stat.ExitCode != 0)
        {
            if (stat.Output.Contains("No such file", StringComparison.Ordinal) || stat.Output.Contains("does not exist", StringComparison.Ordinal)) return Absent;
            throw new HadoopToolException($"hadoop fs -stat {target} failed (exit {stat.ExitCode}):\n{stat.Output.Trim()}");
        }
        var words = stat.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ');
        var size = new FileInfo(archive).Length;
        if (words[0] != User) return $"it belongs to {words[0]}, not {User}";
        if (words.Length < 2 || !long.TryParse(words[1], CultureInfo.InvariantCulture, out var stored) || stored != size)
            return $"it holds {(words.Length < 2 ? "?" : words[1])} bytes, the local archive {size}";
        // Size and owner do not prove the bytes: read them back and compare hashes (only for archives big enough to be stored).
        var (exit, hash, error) = ToolProcess.Sha256Of([Hadoop.Hadoop, "fs", "-cat", target], Environment);
        // A filesystem that checks its own checksums (HDFS, or file:/// with its .crc files) fails the read of damaged bytes.
        if (exit != 0) return $"reading it back failed ({error.Split('\n').FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal))?.Trim() ?? "exit " + exit})";
        using var local = File.OpenRead(archive);
        return hash.AsSpan().SequenceEqual(SHA256.HashData(local)) ? null : "its bytes differ from the local archive's";
    }

    private ToolProcess.Result Run(params string[] args) => ToolProcess.Run([Hadoop.Hadoop, "fs", .. args], stream: false, Environment);

    private void Fs(params string[] args)
    {
        var result = Run(args);
        if (result.ExitCode != 0)
            throw new HadoopToolException($"hadoop fs {string.Join(' ', args)} failed (exit {result.ExitCode}):\n{result.Output.Trim()}");
    }
}
