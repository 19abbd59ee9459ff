// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
using Hdnr.Formats.Shuffle;

namespace Hdnr.Engine.Settings;

/// <summary>The job's partitioner and key order, read from <c>--partitioner</c> and the <c>-D</c> settings as Hadoop Streaming 2.8.5 reads them (an old-API job: <c>mapred.partitioner.class</c>).</summary>
public static class ShuffleSettings
{
    private const string KeyFieldPartitionerClass = "org.apache.hadoop.mapred.lib.KeyFieldBasedPartitioner";
    private static readonly string[] HashPartitionerClasses = ["org.apache.hadoop.mapred.lib.HashPartitioner"];
    private static readonly string[] NewApiPartitioners =
        ["org.apache.hadoop.mapreduce.lib.partition.HashPartitioner", "org.apache.hadoop.mapreduce.lib.partition.KeyFieldBasedPartitioner"];
    private static readonly string[] KeyFieldComparatorClasses =
        ["org.apache.hadoop.mapreduce.lib.partition.KeyFieldBasedComparator", "org.apache.hadoop.mapred.lib.KeyFieldBasedComparator"];

    /// <summary>The partitioner: <paramref name="partitionerOption"/> (<c>--partitioner</c>, which wins as <c>-partitioner</c> does) or <c>mapred.partitioner.class</c>; HashPartitioner when neither is given.</summary>
    /// <exception cref="UnimplementedSettingException">A class launch-local does not implement, or one Hadoop Streaming refuses.</exception>
    /// <exception cref="FormatException">Key field options Hadoop cannot parse.</exception>
    public static Partitioner Partitioner(IReadOnlyList<KeyValuePair<string, string>> configuration, string? partitionerOption)
    {
        var given = partitionerOption is not null ? "--partitioner " + partitionerOption
            : HadoopSettings.Find(configuration, "mapred.partitioner.class") is { } setting ? $"-D {setting.Key}" : null;
        var name = (partitionerOption ?? HadoopSettings.Find(configuration, "mapred.partitioner.class")?.Value)?.Trim();
        if (name is null || HashPartitionerClasses.Contains(name)) return HashPartitioner.Instance;
        if (name == KeyFieldPartitionerClass) return new KeyFieldPartitioner(PartitionerOptions(configuration));
        if (NewApiPartitioners.Contains(name))
            throw new UnimplementedSettingException(given!, $"Hadoop Streaming fails this job (class {name} not org.apache.hadoop.mapred.Partitioner); use {KeyFieldPartitionerClass} or org.apache.hadoop.mapred.lib.HashPartitioner.");
        throw new UnimplementedSettingException(given!, $"launch-local implements org.apache.hadoop.mapred.lib.HashPartitioner and {KeyFieldPartitionerClass} only; launch passes it to Hadoop.");
    }

    /// <summary>The key order: KeyFieldBasedComparator with its options when <c>mapreduce.job.output.key.comparator.class</c> names it, else Hadoop's byte order.</summary>
    /// <exception cref="UnimplementedSettingException">Another comparator class.</exception>
    /// <exception cref="FormatException">Key field options Hadoop cannot parse.</exception>
    public static KeyOrder KeyOrder(IReadOnlyList<KeyValuePair<string, string>> configuration)
    {
        if (HadoopSettings.Find(configuration, "mapreduce.job.output.key.comparator.class") is not { } setting) return BinaryKeyOrder.Instance;
        if (!KeyFieldComparatorClasses.Contains(setting.Value.Trim()))
            throw new UnimplementedSettingException($"-D {setting.Key}", "launch-local implements KeyFieldBasedComparator only (org.apache.hadoop.mapreduce.lib.partition or org.apache.hadoop.mapred.lib); launch passes it to Hadoop.");
        var options = HadoopSettings.Find(configuration, "mapreduce.partition.keycomparator.options");
        return new KeyFieldOrder(Parse(options, Separator(configuration)));
    }

    private static KeyFieldOptions PartitionerOptions(IReadOnlyList<KeyValuePair<string, string>> configuration)
    {
        // The deprecated num.key.fields.for.partition wins over the options when given (KeyFieldBasedPartitioner.setConf).
        if (HadoopSettings.Find(configuration, "num.key.fields.for.partition") is { } fields)
        {
            return int.TryParse(fields.Value.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? KeyFieldOptions.FirstFields(n, Separator(configuration))
                : throw new FormatException($"-D {fields.Key} expects a number, got '{fields.Value}'.");
        }
        return Parse(HadoopSettings.Find(configuration, "mapreduce.partition.keypartitioner.options"), Separator(configuration));
    }

    private static string Separator(IReadOnlyList<KeyValuePair<string, string>> configuration) =>
        HadoopSettings.Find(configuration, "mapreduce.map.output.key.field.separator")?.Value ?? "\t";

    private static KeyFieldOptions Parse(KeyValuePair<string, string>? options, string separator)
    {
        try
        {
            return KeyFieldOptions.Parse(options?.Value, separator);
        }
        catch (FormatException e)
        {
            throw new FormatException($"-D {options!.Value.Key}: {e.Message} (Hadoop's tasks would fail).", e);
        }
    }
}
