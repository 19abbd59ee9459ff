using System.Text;
using Hdnr.Formats.Codecs;
using Hdnr.Formats.SequenceFiles;
using Hdnr.Runtime.Wire;

namespace Hdnr.Formats.Output;

/// <summary>How a job writes its part files: Hadoop's output format (<c>-outputformat</c>), TextOutputFormat's separator and the output compression.</summary>
public sealed record PartFileFormat
{
    /// <summary>TextOutputFormat, key TAB value, uncompressed: Hadoop's default.</summary>
    public static PartFileFormat Text { get; } = new();

    /// <summary>Whether part files are SequenceFiles (SequenceFileOutputFormat) rather than text (TextOutputFormat); null: SequenceFiles for typedbytes io, as <c>launch</c> asks Hadoop for them, text otherwise.</summary>
    public bool? SequenceFile { get; init; }

    /// <summary>What TextOutputFormat writes between a key and its value (<c>mapreduce.output.textoutputformat.separator</c>), as UTF-8.</summary>
    public string Separator { get; init; } = "\t";

    /// <summary>The codec part files are compressed with (<c>mapreduce.output.fileoutputformat.compress.codec</c>); null when output is not compressed.</summary>
    public string? Codec { get; init; }

    /// <summary>How a SequenceFile part is compressed when <see cref="Codec"/> is set (<c>mapreduce.output.fileoutputformat.compress.type</c>).</summary>
    public SequenceFileCompression SequenceCompression { get; init; } = SequenceFileCompression.Record;

    /// <summary>The separator's bytes, as Hadoop's LineRecordWriter encodes it.</summary>
    public byte[] SeparatorBytes => Encoding.UTF8.GetBytes(Separator);

    /// <summary>Whether a task writing <paramref name="io"/> pairs writes SequenceFiles.</summary>
    public bool IsSequenceFile(WireFormat io) => SequenceFile ?? io == WireFormat.TypedBytes;

    /// <summary>The file name of part <paramref name="partName"/>: a compressed text part carries its codec's extension (<c>part-00000.gz</c>), a SequenceFile none, as Hadoop names them.</summary>
    public string FileName(string partName, WireFormat io) =>
        Codec is not null && !IsSequenceFile(io) ? partName + HadoopCodecs.Extension(Codec) : partName;
}
