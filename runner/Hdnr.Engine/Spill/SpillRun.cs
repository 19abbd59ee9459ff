// Sort and spill: a map task's sorted output on disk, one segment per reduce task.
namespace Hdnr.Engine.Spill;

/// <summary>One sorted spill of a map task's output on disk, as Hadoop's spillN.out with its index: one sorted segment per reducer.</summary>
/// <param name="Path">The spill file.</param>
/// <param name="Offsets">Where each partition's segment starts; entry R is the file's end.</param>
/// <param name="HadoopLengths">Each partition's segment length as Hadoop's IFile would write it, which orders Hadoop's merge of a map task's spills.</param>
/// <param name="Records">Each partition's pairs.</param>
internal sealed record SpillRun(string Path, long[] Offsets, long[] HadoopLengths, long[] Records)
{
    /// <summary>The length of partition <paramref name="partition"/>'s segment.</summary>
    public long Length(int partition) => Offsets[partition + 1] - Offsets[partition];

    /// <summary>The length of partition <paramref name="partition"/> of a map task's output file once Hadoop merged its spills <paramref name="runs"/> into it (the segments' records, one end marker and checksum).</summary>
    public static long MergedHadoopLength(IReadOnlyList<SpillRun> runs, int partition) =>
        runs.Sum(run => run.HadoopLengths[partition] - Formats.Shuffle.SpillAccounting.SegmentEndBytes) + Formats.Shuffle.SpillAccounting.SegmentEndBytes;
}
