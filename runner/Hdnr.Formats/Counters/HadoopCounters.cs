namespace Hdnr.Formats.Counters;

/// <summary>The counters Hadoop's tasks keep that launch-local keeps too, named exactly as Hadoop 2.8.5's job client prints them.</summary>
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

    /// <summary>Pairs written to spill files, on the map side and in merges.</summary>
    public static readonly Counter SpilledRecords = new(Framework, "Spilled Records");

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
    public static readonly Counter BytesRead = new("File Input Format Counters", "Bytes Read");

    /// <summary>Bytes the output format wrote (FileOutputFormatCounter).</summary>
    public static readonly Counter BytesWritten = new("File Output Format Counters", "Bytes Written");
}
