// The job: what launch-local runs, from the job's description to its result.
using Hdnr.Engine.Scheduling;
using Hdnr.Formats.Output;
using Hdnr.Formats.Shuffle;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine;

/// <summary>Everything one local job run needs, fixed before it starts: Hadoop Streaming's command line and job configuration in one immutable value.</summary>
public sealed record JobDescription
{
    /// <summary>The .csx script, as a path the task processes can open.</summary>
    public required string ScriptPath { get; init; }

    /// <summary>The compiled script assembly that in-process tasks load.</summary>
    public required string AssemblyPath { get; init; }

    /// <summary>The script's NuGet dependencies (dll files or folders).</summary>
    public IReadOnlyList<string> DependencyPaths { get; init; } = [];

    /// <summary>The step of the script whose functions the tasks run: 1 for <c>Map</c>, <c>Reduce</c>, ...; k for <c>Mapk</c>, <c>Reducek</c>, ...</summary>
    public int Step { get; init; } = 1;

    /// <summary>The step's functions, read from the compiled script; where known, a job whose Combine allows it gets in-mapper combining (<see cref="Runtime.Jobs.InMapperCombining"/>) as launch gives it.</summary>
    public Runtime.Jobs.JobShape? Shape { get; init; }

    /// <summary>Whether the script defines Combine, used as Hadoop's combiner.</summary>
    public bool HasCombine { get; init; }

    /// <summary>Whether the script defines Reduce; without it the job is map-only.</summary>
    public bool HasReduce { get; init; }

    /// <summary>Input files, directories and globs, as <c>-input</c> takes them.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The output directory, as <c>-output</c>.</summary>
    public required string Output { get; init; }

    /// <summary>Number of reduce tasks (<c>mapreduce.job.reduces</c>); 0 makes the job map-only.</summary>
    public int Reducers { get; init; } = 1;

    /// <summary>How many tasks run at once; null for <see cref="Scheduling.TaskPool.Threads"/>'s choice.</summary>
    public int? Parallelism { get; init; }

    /// <summary>The block size splits are cut to (<c>fs.local.block.size</c>: Hadoop's local file system reports 32 MB).</summary>
    public long SplitBytes { get; init; } = 32L << 20;

    /// <summary>The smallest split (<c>mapreduce.input.fileinputformat.split.minsize</c>), in bytes.</summary>
    public long MinSplitBytes { get; init; } = 1;

    /// <summary>The map output buffer (<c>mapreduce.task.io.sort.mb</c>), in MiB.</summary>
    public int SortBufferMb { get; init; } = 100;

    /// <summary>The share of the map output buffer that starts a spill (<c>mapreduce.map.sort.spill.percent</c>).</summary>
    public float SpillPercent { get; init; } = 0.8f;

    /// <summary>How many spills a map task merges at once (<c>mapreduce.task.io.sort.factor</c>).</summary>
    public int SortFactor { get; init; } = 10;

    /// <summary>The spills from which a map task runs the combiner again as it merges them (<c>mapreduce.map.combine.minspills</c>).</summary>
    public int MinSpillsForCombine { get; init; } = 3;

    /// <summary>Which reduce task each key goes to (<c>-partitioner</c>, <c>mapreduce.job.partitioner.class</c>).</summary>
    public Partitioner Partitioner { get; init; } = HashPartitioner.Instance;

    /// <summary>The order keys are sorted and merged in (<c>mapreduce.job.output.key.comparator.class</c>).</summary>
    public KeyOrder KeyOrder { get; init; } = BinaryKeyOrder.Instance;

    /// <summary>The wire format of every task (<c>-io</c>); null picks typedbytes when every input is a SequenceFile, else <see cref="DeclaredIo"/>.</summary>
    public WireFormat? Io { get; init; }

    /// <summary>The io the script's declared types choose (<see cref="Runtime.Jobs.DefaultIo"/>), as <c>launch</c> picks it: text, or typedbytes where a type has no lossless text form.</summary>
    public WireFormat DeclaredIo { get; init; } = WireFormat.Text;

    /// <summary>The input format (<c>-inputformat</c>); null for TextInputFormat, or AutoInputFormat with typedbytes io.</summary>
    public Formats.Input.InputFormatClass? InputFormat { get; init; }

    /// <summary>How part files are written (<c>-outputformat</c>, the text separator, output compression).</summary>
    public PartFileFormat PartFormat { get; init; } = PartFileFormat.Text;

    /// <summary>Where tasks run.</summary>
    public Isolation Isolation { get; init; } = Isolation.InProcess;

    /// <summary>Attempts per map task before the job fails (<c>mapreduce.map.maxattempts</c>).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Attempts per reduce task before the job fails (<c>mapreduce.reduce.maxattempts</c>).</summary>
    public int ReduceMaxAttempts { get; init; } = 4;

    /// <summary>Whether a task process that exits with a code other than 0 fails its attempt (<c>stream.non.zero.exit.is.failure</c>); when false, what it wrote is its output.</summary>
    public bool NonZeroExitIsFailure { get; init; } = true;

    /// <summary>How long an attempt may show no progress before it is killed (<c>mapreduce.task.timeout</c>, in milliseconds; 0 or less never).</summary>
    public long TaskTimeoutMilliseconds { get; init; } = 600_000;

    /// <summary>Whether an existing output is replaced, once this job has committed, instead of refusing the job.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The <c>-D key=value</c> settings, in the order given; the job refuses one launch-local does not implement (<see cref="Settings.HadoopSettings"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Configuration { get; init; } = [];

    /// <summary>Files linked into every task's working directory (<c>-files</c>), as <c>path</c> or <c>path#name</c>.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Archives unpacked and linked into every task's working directory (<c>-archives</c>), as <c>path</c> or <c>path#name</c>.</summary>
    public IReadOnlyList<string> Archives { get; init; } = [];

    /// <summary>The command that starts hdnr (e.g. its executable, or <c>dotnet hdnr.dll</c>) for tasks run as processes.</summary>
    public IReadOnlyList<string> HdnrCommand { get; init; } = [];
}
