using System.Text;

namespace Hdnr.Cli.Tests;

/// <summary>Each job of tests/references, run with launch-local, writes the bytes and exit code real Hadoop Streaming wrote for it.</summary>
/// <remarks>The references are Hadoop's own output, made by <c>scripts/hadoop-references.sh</c> with <c>hdnr launch</c> on a real Hadoop.</remarks>
public sealed class HadoopReferenceTests
{
    private static readonly string Cases = Path.Combine(Hdnr.RepoRoot, "tests", "references");

    /// <summary>Every case folder with each Hadoop version that has a reference for it.</summary>
    public static TheoryData<string, string> References()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(Cases).Order(StringComparer.Ordinal))
            foreach (var reference in Directory.GetDirectories(dir, "hadoop-*").Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(dir), Path.GetFileName(reference));
        return data;
    }

    [Theory]
    [MemberData(nameof(References))]
    public void Launch_local_writes_what_hadoop_wrote(string job, string hadoop) => Compare(job, hadoop, []);

    /// <summary>The cases whose tasks cut keys into fields, where a task process parses its own stdin and stdout.</summary>
    public static TheoryData<string, string> KeyFieldReferences()
    {
        var data = new TheoryData<string, string>();
        foreach (var (job, hadoop) in References().Select(row => ((string)row[0], (string)row[1])))
            if (job.StartsWith("keyfields-", StringComparison.Ordinal) || job.StartsWith("streaming-doc-", StringComparison.Ordinal)) data.Add(job, hadoop);
        return data;
    }

    [Theory]
    [MemberData(nameof(KeyFieldReferences))]
    public void Launch_local_with_task_processes_writes_what_hadoop_wrote_for_key_field_jobs(string job, string hadoop) =>
        Compare(job, hadoop, ["--isolation", "process"]);

    private static void Compare(string job, string hadoop, string[] extra)
    {
        var dir = Path.Combine(Cases, job);
        var reference = Path.Combine(dir, hadoop);
        var inputs = Directory.GetFiles(Path.Combine(dir, "input"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal);
        var optionsFile = Path.Combine(dir, "options");
        var options = File.Exists(optionsFile) ? File.ReadAllLines(optionsFile).Where(l => l.Length > 0) : [];
        var output = Path.Combine(Directory.CreateTempSubdirectory("hdnr-reference-").FullName, "out");

        var result = Hdnr.Run(["job.csx", "launch-local", .. inputs, output, .. options, .. extra], workingDirectory: dir);

        Assert.True(int.Parse(File.ReadAllText(Path.Combine(reference, "exit-code"))) == result.ExitCode, result.ToString());
        var expected = Path.Combine(reference, "output");
        if (!Directory.Exists(expected)) return;
        var names = Files(expected);
        Assert.Equal(names, Files(output));
        foreach (var name in names)
        {
            var want = File.ReadAllBytes(Path.Combine(expected, name));
            var got = File.ReadAllBytes(Path.Combine(output, name));
            if (want.AsSpan().SequenceEqual(got)) continue;
            // Shown as text first where it is text, so a difference reads as the lines that differ.
            Assert.Equal(Show(want), Show(got));
            Assert.Equal(Convert.ToHexString(want), Convert.ToHexString(got));
        }
    }

    private static List<string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal).ToList();

    private static string Show(byte[] bytes) =>
        bytes.Contains((byte)0) ? Convert.ToHexString(bytes) : Encoding.UTF8.GetString(bytes);
}
