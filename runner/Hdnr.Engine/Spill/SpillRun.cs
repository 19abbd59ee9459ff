// Sort and spill: a map task's sorted output on disk, one segment per reduce task.
namespace Hdnr.Engine.Spill;

/// <summary>One sorted spill of a map task's output on disk, as Hadoop's spillN.out with its index: one sorted segment per reducer.</summary>
/// <param name="Path">The spill file.</param>
/// <param name="Offsets">Where each partition's segment starts; entry R is the file's end.</param>
internal sealed record SpillRun(string Path, long[] Offsets)
{
    /// <summary>The length of partition <paramref name="partition"/>'s segment.</summary>
    public long Length(int partition) => Offsets[partition + 1] - Offsets[partition];
}
