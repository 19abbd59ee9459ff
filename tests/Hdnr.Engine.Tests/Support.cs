using System.Reflection;
using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Scripting;

namespace Hdnr.Engine.Tests;

/// <summary>Scripts compiled as the CLI compiles them, inputs and outputs in fresh temp folders, and jobs run through the engine.</summary>
internal static class Support
{
    public static readonly string RepoRoot =
        typeof(Support).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string SharedVectors => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "vectors", "hadoop-written"));

    public static string Example(string name) => Path.Combine(RepoRoot, "examples", name);

    private static readonly string Cache = Directory.CreateTempSubdirectory("hdnr-engine-tests-cache-").FullName;

    static Support() => Environment.SetEnvironmentVariable("HDNR_CACHE_DIR", Cache);

    public static string TempDir() => Directory.CreateTempSubdirectory("hdnr-engine-test-").FullName;

    /// <summary>A job over <paramref name="inputs"/> for the script at <paramref name="scriptPath"/>, into a fresh output path.</summary>
    public static JobDescription Job(string scriptPath, params string[] inputs)
    {
        var compiled = ScriptCompiler.Load(scriptPath);
        return new JobDescription
        {
            ScriptPath = scriptPath,
            AssemblyPath = compiled.AssemblyPath,
            DependencyPaths = compiled.DependencyPaths,
            HasCombine = compiled.Tasks.Contains(TaskKind.Combine),
            HasReduce = compiled.Tasks.Contains(TaskKind.Reduce),
            Inputs = inputs,
            Output = Path.Combine(TempDir(), "out"),
        };
    }

    /// <summary>Writes a script to a fresh folder.</summary>
    public static string Script(string source, string name = "job.csx")
    {
        var path = Path.Combine(TempDir(), name);
        File.WriteAllText(path, source);
        return path;
    }

    public static JobResult Run(JobDescription job) => LocalJobRunner.Run(job, TextWriter.Null, null, CancellationToken.None);

    /// <summary>The output's part files by name, as text.</summary>
    public static SortedDictionary<string, string> Parts(string output) =>
        new(Directory.GetFiles(output, "part-*").ToDictionary(f => Path.GetFileName(f)!, f => Encoding.UTF8.GetString(File.ReadAllBytes(f))), StringComparer.Ordinal);

    /// <summary>Java's String/Text hash as WritableComparator.hashBytes computes it, written here apart from the engine's.</summary>
    public static int JavaHash(byte[] bytes)
    {
        var h = 1;
        foreach (var b in bytes) h = unchecked(h * 31 + (sbyte)b);
        return h;
    }

    /// <summary>Word count computed directly: words split on white space, partitioned by Hadoop's hash, sorted by UTF-8 bytes, as <c>word TAB count</c> lines per part.</summary>
    public static SortedDictionary<string, string> ExpectedWordCount(IEnumerable<string> files, int reducers)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
            foreach (var line in File.ReadAllText(file).Split('\n'))
                foreach (var word in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    counts[word] = counts.GetValueOrDefault(word) + 1;
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var r = 0; r < reducers; r++)
        {
            var text = new StringBuilder();
            foreach (var (word, count) in counts
                .Where(p => (JavaHash(Encoding.UTF8.GetBytes(p.Key)) & int.MaxValue) % reducers == r)
                .OrderBy(p => Encoding.UTF8.GetBytes(p.Key), ByteOrder.Instance))
                text.Append(word).Append('\t').Append(count).Append('\n');
            parts[$"part-{r:D5}"] = text.ToString();
        }
        return parts;
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}

/// <summary>A fact that needs the shared vectors folder (files from public repositories never copied here); skipped visibly without it.</summary>
public sealed class SharedVectorsFactAttribute : FactAttribute
{
    public SharedVectorsFactAttribute()
    {
        if (!Directory.Exists(Support.SharedVectors))
            Skip = $"The shared test vectors folder {Support.SharedVectors} is absent (files from public repositories are never copied into this one).";
    }
}
