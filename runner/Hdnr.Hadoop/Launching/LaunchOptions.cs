namespace Hdnr.Hadoop.Launching;

/// <summary>What <c>launch</c> and <c>launch-frozen</c> were asked for on the command line.</summary>
public sealed record LaunchOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required string Output { get; init; }

    /// <summary>typedbytes (with SequenceFile output), text, rawbytes or keyonlytext, passed as <c>-io</c> unless text; null until the launcher picks the script's <see cref="Runtime.Jobs.DefaultIo"/>.</summary>
    public string? Io { get; init; }

    /// <summary><c>-D key=value</c> settings, passed through in order.</summary>
    public IReadOnlyList<string> Defines { get; init; } = [];

    /// <summary>The value of the last <c>-D</c> whose key <paramref name="names"/> takes (the last wins, as in Hadoop's configuration), or null.</summary>
    public string? Define(Func<string, bool> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Defines.LastOrDefault(d => d.IndexOf('=') is var at and > 0 && names(d[..at])) is { } define ? define[(define.IndexOf('=') + 1)..] : null;
    }

    /// <summary>The number of reduce tasks, when given.</summary>
    public int? Reducers { get; init; }

    /// <summary><c>PATH[#NAME]</c> files for each task's working directory.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary><c>PATH[#NAME]</c> archives unpacked into each task's working directory.</summary>
    public IReadOnlyList<string> Archives { get; init; } = [];

    /// <summary><c>K=V</c> variables set in the tasks' environment.</summary>
    public IReadOnlyList<string> CmdEnv { get; init; } = [];

    public string? InputFormat { get; init; }

    public string? OutputFormat { get; init; }

    /// <summary>Streaming's <c>-inputreader</c> spec, e.g. <c>StreamXmlRecordReader,begin=&lt;page&gt;,end=&lt;/page&gt;</c>.</summary>
    public string? InputReader { get; init; }

    /// <summary>The partitioner class (<c>-partitioner</c>), or null for Hadoop's HashPartitioner.</summary>
    public string? Partitioner { get; init; }

    public string? JobName { get; init; }

    /// <summary>The step of a job of several steps this command runs (its tasks are <c>pipe TASK --step N</c>); 1 for a job of one step.</summary>
    public int Step { get; init; } = 1;
}
