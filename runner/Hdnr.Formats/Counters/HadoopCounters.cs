namespace Hdnr.Formats.Counters;

/// <summary>The counters Hadoop's tasks keep that launch-local keeps too, named exactly as Hadoop 2.8.5's job client prints them (the space after two group names and one counter name is Hadoop's).</summary>
public static class HadoopCounters
{
    /// <summary>The group of the framework's own counters (TaskCounter).</summary>
    public const string Framework = "Map-Reduce Framework";

    /// <summary>Records a map task's input format handed to it.</summary>
    public static readonly Counter MapInputRecords = new(Framework, "Map input records");

    /// <summary>Pairs the map tasks wrote.</summary>
    public static readonly Counter MapOutputRecords = new(Framework, "Map output records");

    /// <summary>Key and value bytes the map tasks wrote.</summary>
    public static readonly Counter MapOutputBytes = new(Framework, "Map output bytes");

    /// <summary>Bytes of the map tasks' output files, as Hadoop's IFile writes them.</summary>
    public static readonly Counter MapOutputMaterializedBytes = new(Framework, "Map output materialized bytes");

    /// <summary>Pairs written to spill files, on the map side and in merges, and a reduce task's input, which Hadoop writes to disk before reducing.</summary>
    public static readonly Counter SpilledRecords = new(Framework, "Spilled Records");

    /// <summary>Map outputs the reduce tasks fetched, one per map task per reduce task (the space is Hadoop's).</summary>
    public static readonly Counter ShuffledMaps = new(Framework, "Shuffled Maps ");

    /// <summary>Fetches of map output that failed.</summary>
    public static readonly Counter FailedShuffles = new(Framework, "Failed Shuffles");

    /// <summary>Map outputs the reduce tasks merged.</summary>
    public static readonly Counter MergedMapOutputs = new(Framework, "Merged Map outputs");

    /// <summary>The group of the shuffle's error counters, all 0 on one machine.</summary>
    public const string ShuffleErrorsGroup = "Shuffle Errors";

    /// <summary>The shuffle's error counters, in Hadoop's order.</summary>
    public static readonly IReadOnlyList<Counter> ShuffleErrors =
        [.. new[] { "BAD_ID", "CONNECTION", "IO_ERROR", "WRONG_LENGTH", "WRONG_MAP", "WRONG_REDUCE" }.Select(name => new Counter(ShuffleErrorsGroup, name))];

    /// <summary>Pairs the combiner read.</summary>
    public static readonly Counter CombineInputRecords = new(Framework, "Combine input records");

    /// <summary>Pairs the combiner wrote.</summary>
    public static readonly Counter CombineOutputRecords = new(Framework, "Combine output records");

    /// <summary>Bytes of map output the reduce tasks fetched.</summary>
    public static readonly Counter ReduceShuffleBytes = new(Framework, "Reduce shuffle bytes");

    /// <summary>Pairs the reduce tasks read.</summary>
    public static readonly Counter ReduceInputRecords = new(Framework, "Reduce input records");

    /// <summary>Runs of equal keys the reduce tasks read.</summary>
    public static readonly Counter ReduceInputGroups = new(Framework, "Reduce input groups");

    /// <summary>Pairs the reduce tasks wrote.</summary>
    public static readonly Counter ReduceOutputRecords = new(Framework, "Reduce output records");

    /// <summary>Bytes the input format read (FileInputFormatCounter).</summary>
    public static readonly Counter BytesRead = new("File Input Format Counters ", "Bytes Read");

    /// <summary>Bytes the output format wrote (FileOutputFormatCounter), with the checksum file Hadoop's local file system writes beside each.</summary>
    public static readonly Counter BytesWritten = new("File Output Format Counters ", "Bytes Written");

    /// <summary>Hadoop's counters in the order its job client prints them: its groups in its order, each group's counters in its enum's order.</summary>
    public static readonly IReadOnlyList<Counter> Order =
    [
        MapInputRecords, MapOutputRecords, MapOutputBytes, MapOutputMaterializedBytes, CombineInputRecords, CombineOutputRecords,
        ReduceInputGroups, ReduceShuffleBytes, ReduceInputRecords, ReduceOutputRecords, SpilledRecords, ShuffledMaps, FailedShuffles,
        MergedMapOutputs, .. ShuffleErrors, BytesRead, BytesWritten,
    ];

    /// <summary>What Hadoop's local file system counts for writing a file of <paramref name="length"/> bytes: the file and its <c>.crc</c> (an 8-byte header and a 4-byte CRC per 512 bytes).</summary>
    public static long LocalFileBytes(long length) => length + 8 + (4 * ((length + 511) / 512));
}
