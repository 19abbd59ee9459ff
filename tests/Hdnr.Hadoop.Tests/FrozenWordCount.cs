using Hdnr.Hadoop.Freezing;

namespace Hdnr.Hadoop.Tests;

/// <summary>examples/wc.csx frozen once per test run with the default (native) mode and a side file, unpacked in a folder of its own.</summary>
public sealed class FrozenWordCount
{
    public FrozenWordCount()
    {
        Work = Directory.CreateTempSubdirectory("hdnr-frozen-wc-").FullName;
        SideFile = System.IO.Path.Combine(Work, "stopwords.txt");
        File.WriteAllText(SideFile, "the\na\n");
        Archive = System.IO.Path.Combine(Work, "wc.tar.gz");
        Freeze = Hdnr.Run([Hdnr.Example("wc.csx"), "freeze", Archive, "-Z", SideFile], timeout: TimeSpan.FromMinutes(10));
        Unpacked = Directory.CreateDirectory(System.IO.Path.Combine(Work, "node")).FullName;
        if (Freeze.ExitCode == 0)
            Processes.Exec("tar", ["xzf", Archive, "-C", Unpacked]);
        Executable = System.IO.Path.Combine(Unpacked, "wc");
    }

    public string Work { get; }

    public string SideFile { get; }

    public string Archive { get; }

    internal ProcessResult Freeze { get; }

    public string Unpacked { get; }

    public string Executable { get; }

    public IReadOnlyList<(string Name, UnixFileMode Mode, long Length)> Entries => BundleArchive.List(Archive);

    /// <summary>Runs the unpacked <c>./wc</c> in its folder with no .NET anywhere in reach.</summary>
    internal ProcessResult Run(string[] args, byte[]? stdin = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = NoDotnet.Environment();
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>()) environment[name] = value;
        return Processes.Exec(Executable, args, stdin ?? [], Unpacked, environment);
    }
}
