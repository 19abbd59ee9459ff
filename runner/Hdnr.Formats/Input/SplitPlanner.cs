namespace Hdnr.Formats.Input;

/// <summary>Cuts input files into map splits as Hadoop's old-API FileInputFormat.getSplits and JobSubmitter do.</summary>
/// <remarks>
/// splitSize = max(minSize, min(totalSize / mapreduce.job.maps, blockSize)); a file is cut while what remains is more
/// than 1.1 split sizes (SPLIT_SLOP), the rest is the last split; an empty file is one empty split; compressed text is
/// one split here. Uncompressed text and SequenceFiles are cut alike (AutoInputFormat splits every file); their record
/// readers then find where records begin. JobSubmitter then orders splits largest first (a stable sort), which fixes
/// the map task numbers and so the names of a map-only job's part files.
/// </remarks>
public static class SplitPlanner
{
    private const double SplitSlop = 1.1;

    /// <summary>The splits of <paramref name="files"/>, in map task order.</summary>
    /// <param name="requestedMaps">Hadoop's <c>mapreduce.job.maps</c> hint (1 in local mode).</param>
    /// <param name="blockSize">The file system's block size (32 MB for Hadoop's local file system).</param>
    /// <param name="minSize">Hadoop's <c>mapreduce.input.fileinputformat.split.minsize</c>.</param>
    public static IReadOnlyList<InputSplit> Plan(IReadOnlyList<string> files, int requestedMaps, long blockSize, long minSize = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        var lengths = files.Select(f => new FileInfo(f).Length).ToArray();
        var totalSize = lengths.Sum();
        var goalSize = totalSize / Math.Max(requestedMaps, 1);
        minSize = Math.Max(minSize, 1);
        var splits = new List<InputSplit>();
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i];
            var length = lengths[i];
            var format = InputFormats.Detect(path);
            if (length == 0 || format is not (InputFormat.Text or InputFormat.SequenceFile))
            {
                splits.Add(new InputSplit(path, 0, length, format, length));
                continue;
            }
            var splitSize = Math.Max(minSize, Math.Min(goalSize, blockSize));
            var remaining = length;
            while ((double)remaining / splitSize > SplitSlop)
            {
                splits.Add(new InputSplit(path, length - remaining, splitSize, format, length));
                remaining -= splitSize;
            }
            if (remaining != 0) splits.Add(new InputSplit(path, length - remaining, remaining, format, length));
        }
        // List.Sort is not stable; OrderByDescending is, as Java's Arrays.sort over objects.
        return splits.OrderByDescending(s => s.Length).ToList();
    }
}
