using Hdnr.Hadoop.Launching;

namespace Hdnr.Hadoop.Tests;

/// <summary>The bundle store driven through real <c>hadoop fs</c> on <c>file:///</c>: only the user's own, intact bundle is reused; uploads never collide.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BundleStoreTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hdnr-bundle-store-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private (BundleStore Store, string Archive) Store(string tree, string user)
    {
        var hadoop = HadoopTrees.Named(tree);
        var archive = Path.Combine(_work, "wc.tar.gz");
        if (!File.Exists(archive)) File.WriteAllBytes(archive, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
        return (new BundleStore(hadoop.Installation, "file://" + Path.Combine(_work, "store"), user, hadoop.EnvironmentWith(Environment.GetEnvironmentVariable("PATH")!)), archive);
    }

    /// <summary>The files in a key's folder but the hidden <c>.NAME.crc</c> that Hadoop's local filesystem writes beside each file.</summary>
    private string[] Uploads(string key) =>
        [.. Directory.GetFiles(Path.Combine(_work, "store", key)).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal)!];

    private string Stored(string key) => Path.Combine(_work, "store", key, "wc.tar.gz");

    [HadoopTheory]
    [HadoopTrees(Each = false)]
    [AbsentHadoopTrees]
    public void A_damaged_or_foreign_bundle_is_not_reused_and_the_local_archive_replaces_it(string tree)
    {
        var (store, archive) = Store(tree, Environment.UserName);
        var log = new StringWriter();

        var uri = store.Ensure(archive, "k1", log);
        Assert.Equal($"file://{_work}/store/k1/wc.tar.gz", uri);
        Assert.Equal(File.ReadAllBytes(archive), File.ReadAllBytes(Stored("k1")));
        // Only the user may read it (umask 077 on the upload; on file:/// the folders follow the local umask, see README).
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Stored("k1")) & ~UnixFileMode.UserExecute);

        // Same size, one byte changed by a writer other than Hadoop (its .crc gone with it): owner and size agree, the bytes do not.
        var damaged = File.ReadAllBytes(archive);
        damaged[2500] ^= 0xFF;
        File.WriteAllBytes(Stored("k1"), damaged);
        File.Delete(Path.Combine(_work, "store", "k1", ".wc.tar.gz.crc"));
        store.Ensure(archive, "k1", log);
        Assert.Equal(File.ReadAllBytes(archive), File.ReadAllBytes(Stored("k1")));

        // Intact and the user's: reused as it is.
        store.Ensure(archive, "k1", log);

        // The same file seen by another user's store: it belongs to someone else, so it is not theirs to run.
        var (foreign, _) = Store(tree, "not-" + Environment.UserName);
        foreign.Ensure(archive, "k1", log);

        Assert.Equal(
            $"hdnr: uploaded wc.tar.gz to {uri}\n" +
            $"hdnr: {uri} is not reused: its bytes differ from the local archive's; uploading it again\n" +
            $"hdnr: uploaded wc.tar.gz to {uri}\n" +
            $"hdnr: {uri} is already in your bundle store\n" +
            $"hdnr: {uri} is not reused: it belongs to {Environment.UserName}, not not-{Environment.UserName}; uploading it again\n" +
            $"hdnr: uploaded wc.tar.gz to {uri}\n",
            log.ToString());
        Assert.Equal(["wc.tar.gz"], Uploads("k1"));
    }

    [HadoopTheory]
    [HadoopTrees(Each = false)]
    [AbsentHadoopTrees]
    public void Two_launches_uploading_the_same_bundle_at_once_both_run_from_one_whole_archive(string tree)
    {
        var (store, archive) = Store(tree, Environment.UserName);
        using var start = new Barrier(2);

        var uris = Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return store.Ensure(archive, "k2", TextWriter.Null);
        }))).Result;

        Assert.Equal([store.Target("k2", archive), store.Target("k2", archive)], uris);
        Assert.Equal(File.ReadAllBytes(archive), File.ReadAllBytes(Stored("k2")));
        // No upload left behind under its temporary name.
        Assert.Equal(["wc.tar.gz"], Uploads("k2"));
    }

    [HadoopTheory]
    [HadoopTrees(Each = false)]
    [AbsentHadoopTrees]
    public void Bundles_lists_the_users_store_and_older_than_removes_the_old_ones(string tree)
    {
        // On file:/// the store is under the local home, as Hadoop's LocalFileSystem puts a user's home folder.
        var bundles = Path.Combine(_work, ".hdnr", "bundles");
        foreach (var (key, days) in new[] { ("0ld", 40), ("new", 0) })
        {
            var file = Path.Combine(Directory.CreateDirectory(Path.Combine(bundles, key)).FullName, "wc.tar.gz");
            File.WriteAllBytes(file, new byte[3 << 20]);
            File.SetLastWriteTime(file, DateTime.Now.AddDays(-days).AddMinutes(-5));
        }
        var environment = HadoopTrees.Named(tree).EnvironmentWith(Environment.GetEnvironmentVariable("PATH")!);
        environment["HOME"] = _work;

        var listed = Hdnr.Run(["bundles"], environment: environment);
        var removed = Hdnr.Run(["bundles", "--older-than", "30d"], environment: environment);

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal($"   3.0 MB    40d  file://{bundles}/0ld/wc.tar.gz\n   3.0 MB     5m  file://{bundles}/new/wc.tar.gz\n", listed.Stdout);
        Assert.EndsWith($"hdnr: 2 file(s), 6.0 MB in file://{bundles}\n", listed.Stderr);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal($"   3.0 MB    40d  file://{bundles}/0ld/wc.tar.gz\n", removed.Stdout);
        Assert.EndsWith($"hdnr: removed 1 file(s) older than 30d, 3.0 MB; 1 kept in file://{bundles}\n", removed.Stderr);
        Assert.Equal(["new"], Directory.GetDirectories(bundles).Select(Path.GetFileName));
    }
}
