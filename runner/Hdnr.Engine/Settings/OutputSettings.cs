// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
using Hdnr.Formats.Codecs;
using Hdnr.Formats.Output;
using Hdnr.Formats.SequenceFiles;

namespace Hdnr.Engine.Settings;

/// <summary>Reads how a job's part files are written from <c>-outputformat</c> and the output settings, as Hadoop Streaming 2.8.5's old-API TextOutputFormat, SequenceFileOutputFormat and FileOutputFormat read them.</summary>
public static class OutputSettings
{
    /// <summary>TextOutputFormat's class, as <c>-outputformat</c> names it.</summary>
    public const string TextOutputFormat = "org.apache.hadoop.mapred.TextOutputFormat";

    /// <summary>SequenceFileOutputFormat's class, as <c>-outputformat</c> names it.</summary>
    public const string SequenceFileOutputFormat = "org.apache.hadoop.mapred.SequenceFileOutputFormat";

    /// <summary>The part file format of a job with <paramref name="outputFormat"/> (<c>--outputformat</c>, null when not given) and <paramref name="configuration"/>.</summary>
    /// <exception cref="UnimplementedSettingException">An output format class launch-local does not write.</exception>
    /// <exception cref="SettingValueException">A value Hadoop 2.8.5 fails the job on (a codec it does not have, a compression type it does not know).</exception>
    public static PartFileFormat Read(IReadOnlyList<KeyValuePair<string, string>> configuration, string? outputFormat)
    {
        var format = PartFileFormat.Text;
        if (outputFormat is not null)
        {
            format = outputFormat.Trim() switch
            {
                TextOutputFormat => format with { SequenceFile = false },
                SequenceFileOutputFormat => format with { SequenceFile = true },
                _ => throw new UnimplementedSettingException("--outputformat",
                    $"launch-local writes {TextOutputFormat} and {SequenceFileOutputFormat} only (Hadoop Streaming needs the whole class name); launch passes it to Hadoop."),
            };
        }
        MapOutputCodec(configuration);
        if (HadoopSettings.Find(configuration, "mapreduce.output.textoutputformat.separator") is { } separator)
            format = format with { Separator = separator.Value };
        // FileOutputFormat.getCompressOutput: Configuration.getBoolean, which reads anything but true or false as the default.
        var compress = HadoopSettings.Find(configuration, "mapreduce.output.fileoutputformat.compress") is { } on
            && string.Equals(on.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        if (!compress) return format;
        // mapred-default.xml's codec is DefaultCodec, for text and SequenceFiles alike.
        var codec = HadoopSettings.Find(configuration, "mapreduce.output.fileoutputformat.compress.codec") is { } named
            ? Codec(named) : HadoopCodecs.Default;
        var type = SequenceFileCompression.Record;
        if (HadoopSettings.Find(configuration, "mapreduce.output.fileoutputformat.compress.type") is { } typed)
        {
            // SequenceFile.CompressionType.valueOf: the exact constant.
            type = typed.Value switch
            {
                "NONE" => SequenceFileCompression.None,
                "RECORD" => SequenceFileCompression.Record,
                "BLOCK" => SequenceFileCompression.Block,
                _ => throw new SettingValueException($"-D {typed.Key} is '{typed.Value}': Hadoop knows NONE, RECORD and BLOCK (in capitals)."),
            };
        }
        return format with { Codec = codec, SequenceCompression = type };
    }

    // Map output compression changes no part file, but a codec class Hadoop does not have fails every map task there.
    private static void MapOutputCodec(IReadOnlyList<KeyValuePair<string, string>> configuration)
    {
        if (HadoopSettings.Find(configuration, "mapreduce.map.output.compress") is not { } on || !string.Equals(on.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            || HadoopSettings.Find(configuration, "mapreduce.map.output.compress.codec") is not { } named)
            return;
        var codec = named.Value.Trim();
        if ((HadoopCodecs.IsSupported(codec) && codec != HadoopCodecs.ZStandard) || codec == "org.apache.hadoop.io.compress.Lz4Codec") return;
        throw new SettingValueException($"-D {named.Key}: Hadoop 2.8.5 has no codec {codec}, so its map tasks fail (\"Compression codec {codec} was not found\").");
    }

    private static string Codec(KeyValuePair<string, string> setting)
    {
        var codec = setting.Value.Trim();
        if (HadoopCodecs.IsWritable(codec)) return codec;
        if (codec == HadoopCodecs.ZStandard)
            throw new SettingValueException($"-D {setting.Key}: Hadoop 2.8.5 has no {codec} (it came with Hadoop 3), so it fails such a job; launch-local writes {HadoopCodecs.WritableList}.");
        throw new UnimplementedSettingException($"-D {setting.Key}",
            $"launch-local does not implement the codec {codec} (it writes {HadoopCodecs.WritableList}, the codecs Hadoop writes without its native library); launch passes it to Hadoop.");
    }
}
