using System.IO.Compression;
using System.Text;
using Hdnr.Formats.SequenceFiles;
using ICSharpCode.SharpZipLib.BZip2;

namespace Hdnr.Cli.Tests;

/// <summary>Each job of tests/references, run with launch-local, writes the bytes and exit code real Hadoop Streaming wrote for it.</summary>
/// <remarks>
/// The references are Hadoop's own output, made by <c>scripts/hadoop-references.sh</c> with <c>hdnr launch</c> on a real Hadoop.
/// File names and exit codes are compared always, bytes wherever they can be the same; where they cannot by construction
/// (a compressed part, written by another zlib or bzip2 writer; a SequenceFile, whose sync marker is random), what the
/// file holds is compared: the decompressed bytes, or the SequenceFile's header fields and its serialized records.
/// </remarks>
public sealed class HadoopReferenceTests
{
    private static readonly string Cases = Path.Combine(Hdnr.RepoRoot, "tests", "references");

    /// <summary>Every case folder with each Hadoop version that has a reference for it, in each isolation its <c>isolations</c> file names (one per line; <c>inprocess</c> without one).</summary>
    public static TheoryData<string, string, string> References()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var dir in Directory.GetDirectories(Cases).Order(StringComparer.Ordinal))
        {
            var isolationsFile = Path.Combine(dir, "isolations");
            var isolations = File.Exists(isolationsFile) ? File.ReadAllLines(isolationsFile).Where(l => l.Length > 0) : ["inprocess"];
            foreach (var reference in Directory.GetDirectories(dir, "hadoop-*").Order(StringComparer.Ordinal))
                foreach (var isolation in isolations)
                    data.Add(Path.GetFileName(dir), Path.GetFileName(reference), isolation);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(References))]
    public void Launch_local_writes_what_hadoop_wrote(string job, string hadoop, string isolation)
    {
        var dir = Path.Combine(Cases, job);
        var reference = Path.Combine(dir, hadoop);
        var inputs = Directory.GetFiles(Path.Combine(dir, "input"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal);
        var optionsFile = Path.Combine(dir, "options");
        var options = File.Exists(optionsFile) ? File.ReadAllLines(optionsFile).Where(l => l.Length > 0) : [];
        var output = Path.Combine(Directory.CreateTempSubdirectory("hdnr-reference-").FullName, "out");

        var result = Hdnr.Run(["job.csx", "launch-local", .. inputs, output, .. options, "--isolation", isolation], workingDirectory: dir);

        Assert.True(int.Parse(File.ReadAllText(Path.Combine(reference, "exit-code"))) == result.ExitCode, result.ToString());
        var expected = Path.Combine(reference, "output");
        if (!Directory.Exists(expected)) return;
        Assert.Equal(HadoopCounterLines(File.ReadAllText(Path.Combine(reference, "counters")), dir), HadoopCounterLines(result.Stderr, dir));
        var names = Files(expected);
        Assert.Equal(names, Files(output));
        foreach (var name in names)
        {
            var want = File.ReadAllBytes(Path.Combine(expected, name));
            var got = File.ReadAllBytes(Path.Combine(output, name));
            if (want.AsSpan().SequenceEqual(got)) continue;
            (want, got) = (Content(name, want), Content(name, got));
            // Shown as text first where it is text, so a difference reads as the lines that differ.
            Assert.Equal(Show(want), Show(got));
            Assert.Equal(Convert.ToHexString(want), Convert.ToHexString(got));
        }
    }

    // The counters launch-local keeps as Hadoop does, as the job client prints them: group lines and "name=value" lines in
    // Hadoop's order. Left out: what only a JVM or Hadoop's file system statistics have (the File System Counters group,
    // the split's serialized size, which holds the input's path, GC time and heap), hdnr's own group, and the counters a
    // case's counters-not-compared file names (one "name: why" per line).
    private static List<string> HadoopCounterLines(string text, string dir)
    {
        var notCompared = Path.Combine(dir, "counters-not-compared");
        var skipped = new HashSet<string>(["Input split bytes", "GC time elapsed (ms)", "Total committed heap usage (bytes)"]);
        if (File.Exists(notCompared)) skipped.UnionWith(File.ReadAllLines(notCompared).Where(l => l.Length > 0).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        var lines = new List<string>();
        var group = "";
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("\t\t", StringComparison.Ordinal))
            {
                if (group is not ("File System Counters" or "hdnr") && !skipped.Contains(line[2..line.LastIndexOf('=')])) lines.Add(line);
            }
            else if (line.StartsWith('\t'))
            {
                group = line[1..];
                if (group is not ("File System Counters" or "hdnr")) lines.Add(line);
            }
        }
        return lines;
    }

    private static List<string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal).ToList();

    // What a file holds where its bytes may differ from Hadoop's by construction; any other file as it is.
    private static byte[] Content(string name, byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        Stream? decompressed = Path.GetExtension(name) switch
        {
            ".gz" => new GZipStream(input, CompressionMode.Decompress),
            ".deflate" => new ZLibStream(input, CompressionMode.Decompress),
            ".bz2" => new BZip2InputStream(input),
            _ => null,
        };
        if (decompressed is not null)
        {
            using var output = new MemoryStream();
            using (decompressed) decompressed.CopyTo(output);
            return output.ToArray();
        }
        if (!bytes.AsSpan().StartsWith("SEQ"u8)) return bytes;
        using var reader = SequenceFileReader.Open(input, name, leaveOpen: true);
        var header = reader.Header;
        var shown = new StringBuilder($"SequenceFile v{header.Version} {header.KeyClassName} {header.ValueClassName} {header.Compression} {header.CodecClassName} metadata {header.Metadata.Count}\n");
        while (reader.TryReadSerialized(out var key, out var value))
            shown.Append(Convert.ToHexString(key)).Append(' ').Append(Convert.ToHexString(value)).Append('\n');
        return Encoding.UTF8.GetBytes(shown.ToString());
    }

    private static string Show(byte[] bytes) =>
        bytes.Contains((byte)0) ? Convert.ToHexString(bytes) : Encoding.UTF8.GetString(bytes);
}
