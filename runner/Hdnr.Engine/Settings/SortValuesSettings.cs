// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
using Hdnr.Runtime.Jobs;

namespace Hdnr.Engine.Settings;

/// <summary>The Hadoop settings a script's <c>[SortValues]</c> gives its job (the streaming docs' key field recipe), added by hdnr in launch-local, launch and launch-frozen; the user's own are refused.</summary>
public static class SortValuesSettings
{
    /// <summary>The partitioner class, given as <c>-partitioner</c> (Hadoop Streaming refuses it as a <c>-D</c>).</summary>
    public const string PartitionerClass = "org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner";

    private const string ComparatorClass = "org.apache.hadoop.mapreduce.lib.partition.KeyFieldBasedComparator";

    // Settings whose value the job depends on: the fields, where they are cut, how they are partitioned and compared.
    private static readonly string[] Owned =
    [
        "stream.num.map.output.key.fields", "stream.map.output.field.separator", "stream.reduce.input.field.separator",
        "mapreduce.map.output.key.field.separator", "mapred.partitioner.class", "num.key.fields.for.partition",
        "mapreduce.partition.keypartitioner.options", "mapreduce.job.output.key.comparator.class", "mapreduce.partition.keycomparator.options",
    ];

    /// <summary>The <c>-D</c> settings of a job whose Reduce declares <paramref name="sort"/>: every field in the map output key, the key's fields partitioned, each field compared.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(ValueSort sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        return
        [
            new("stream.num.map.output.key.fields", (sort.KeyFields + sort.ValueFields).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("mapreduce.partition.keypartitioner.options", sort.PartitionerOptions),
            new("mapreduce.job.output.key.comparator.class", ComparatorClass),
            new("mapreduce.partition.keycomparator.options", sort.ComparatorOptions),
        ];
    }

    /// <summary>Refuses a user's setting or partitioner that the sort sets itself.</summary>
    /// <exception cref="UnimplementedSettingException">The first conflicting one.</exception>
    public static void RefuseConflicts(IReadOnlyList<KeyValuePair<string, string>> configuration, string? partitionerOption)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (partitionerOption is not null)
            throw new UnimplementedSettingException($"--partitioner {partitionerOption}", Conflict);
        foreach (var name in Owned)
        {
            if (HadoopSettings.Find(configuration, name) is { } setting)
                throw new UnimplementedSettingException($"-D {setting.Key}", Conflict);
        }
    }

    private const string Conflict = "the script's Reduce is [SortValues], which sets the job's key fields, partitioner and comparator itself; remove this option";
}
