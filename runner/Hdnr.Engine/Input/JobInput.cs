// Input and splits: the bytes a map task reads for its split.
using System.Globalization;
using System.Text;
using Hdnr.Engine.Settings;
using Hdnr.Formats.Input;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Input;

/// <summary>How a job's map tasks read their input: streaming's input format class with the settings it reads.</summary>
/// <param name="Class">The input format (<c>-inputformat</c>; TextInputFormat, or AutoInputFormat with typedbytes io, by default).</param>
/// <param name="KeyValueSeparator">KeyValueTextInputFormat's separator: the first character of <c>mapreduce.input.keyvaluelinerecordreader.key.value.separator</c>, as a byte.</param>
/// <param name="LinesPerMap">NLineInputFormat's lines per split (<c>mapreduce.input.lineinputformat.linespermap</c>).</param>
/// <param name="XmlBegin">StreamXmlRecordReader's begin mark (<c>stream.recordreader.begin</c>), when StreamInputFormat reads with it.</param>
/// <param name="XmlEnd">Its end mark (<c>stream.recordreader.end</c>).</param>
public sealed record JobInput(InputFormatClass Class, byte KeyValueSeparator, int LinesPerMap, byte[]? XmlBegin, byte[]? XmlEnd)
{
    private const string XmlReader = "org.apache.hadoop.streaming.StreamXmlRecordReader";

    /// <summary>What <paramref name="job"/> asks for with wire format <paramref name="io"/>, checked.</summary>
    /// <exception cref="InputFormatException">A format, reader or combination launch-local does not read as Hadoop does.</exception>
    public static JobInput Of(JobDescription job, WireFormat io)
    {
        ArgumentNullException.ThrowIfNull(job);
        var format = ClassOf(job, io);
        if (io == WireFormat.TypedBytes && format != InputFormatClass.Auto && format != InputFormatClass.SequenceFile)
            throw new InputFormatException($"--inputformat {format}: launch-local reads typedbytes io only with AutoInputFormat or SequenceFileInputFormat; launch passes it to Hadoop.");
        if (io != WireFormat.TypedBytes && format == InputFormatClass.SequenceFile)
            throw new InputFormatException($"--inputformat {format}: launch-local reads it only with --io typedbytes (SequenceFileAsTextInputFormat gives text); launch passes it to Hadoop.");
        var separator = Setting(job, "mapreduce.input.keyvaluelinerecordreader.key.value.separator") ?? "\t";
        // KeyValueLineRecordReader takes the separator's first char and compares bytes with it cast to a byte.
        if (separator.Length == 0) throw new InputFormatException("-D mapreduce.input.keyvaluelinerecordreader.key.value.separator is empty; KeyValueTextInputFormat needs one character.");
        var lines = Setting(job, "mapreduce.input.lineinputformat.linespermap") is { } text
            ? int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw new InputFormatException($"-D mapreduce.input.lineinputformat.linespermap expects a number of lines, 1 or more, got '{text}'.")
            : 1;
        byte[]? begin = null, end = null;
        // StreamInputFormat reads with the record reader stream.recordreader.class names; without one it is KeyValueTextInputFormat.
        var reader = Find(job, "stream.recordreader.class")?.Trim();
        if (format == InputFormatClass.StreamInput && reader is not null && !reader.Contains("LineRecordReader", StringComparison.Ordinal))
        {
            if (reader != XmlReader)
                throw new InputFormatException($"--inputreader {reader}: launch-local reads only StreamXmlRecordReader; launch passes it to Hadoop.");
            if (Find(job, "stream.recordreader.slowmatch") is { } slow && bool.TryParse(slow.Trim(), out var slowMatch) && slowMatch)
                throw new InputFormatException("--inputreader StreamXmlRecordReader with slowmatch=true: launch-local matches marks as Hadoop's fast match only; launch passes it to Hadoop.");
            begin = Mark(job, "begin");
            end = Mark(job, "end");
        }
        return new JobInput(format, (byte)separator[0], lines, begin, end);
    }

    /// <summary>The input format class of <paramref name="job"/>: the one it names, else TextInputFormat, or AutoInputFormat with typedbytes io (as <c>launch</c> passes it).</summary>
    public static InputFormatClass ClassOf(JobDescription job, WireFormat io)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.InputFormat ?? (io == WireFormat.TypedBytes ? InputFormatClass.Auto : InputFormatClass.Text);
    }

    /// <summary>Whether the input holds records of StreamXmlRecordReader.</summary>
    public bool Xml => XmlBegin is not null;

    private static byte[] Mark(JobDescription job, string name) =>
        Find(job, "stream.recordreader." + name) is { Length: > 0 } mark ? Encoding.UTF8.GetBytes(mark)
            : throw new InputFormatException($"--inputreader StreamXmlRecordReader needs {name}=MARK (stream.recordreader.{name}), as Hadoop does.");

    private static string? Setting(JobDescription job, string name) => HadoopSettings.Find(job.Configuration, name)?.Value;

    private static string? Find(JobDescription job, string key) =>
        job.Configuration.LastOrDefault(p => p.Key == key) is { Key: not null } setting ? setting.Value : null;
}
