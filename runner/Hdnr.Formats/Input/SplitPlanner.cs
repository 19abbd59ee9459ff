using Hdnr.Runtime.Wire;

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
        return LargestFirst(splits);
    }

    /// <summary>The splits of <paramref name="files"/> as NLineInputFormat cuts them, <paramref name="linesPerMap"/> lines each, in map task order.</summary>
    /// <remarks>
    /// NLineInputFormat.getSplitsForFile: N lines (as Hadoop's LineReader ends them) make a split that starts one byte
    /// early, on the line end before its first line, so that LineRecordReader, which skips a split's first partial line,
    /// starts at that first line; the file's first split is one byte short instead. An empty file has no split. The
    /// file's raw bytes are counted, compressed or not, as Hadoop counts them.
    /// </remarks>
    public static IReadOnlyList<InputSplit> PlanLines(IReadOnlyList<string> files, int linesPerMap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(linesPerMap, 1);
        var splits = new List<InputSplit>();
        var buffer = new byte[1 << 16];
        foreach (var path in files)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var format = InputFormats.Detect(path);
            long begin = 0, length = 0;
            var lines = 0;
            void Add()
            {
                splits.Add(begin == 0 ? new InputSplit(path, 0, length - 1, format, file.Length) : new InputSplit(path, begin - 1, length, format, file.Length));
                begin += length;
                length = 0;
                lines = 0;
            }
            var held = 0;
            var more = true;
            while (more || held > 0)
            {
                if (more)
                {
                    var read = file.Read(buffer, held, buffer.Length - held);
                    more = read > 0;
                    held += read;
                }
                var start = 0;
                while (LineEnd.Find(buffer.AsSpan(start, held - start), more, out var consumed) >= 0 || (!more && start < held && (consumed = held - start) > 0))
                {
                    start += consumed;
                    length += consumed;
                    if (++lines == linesPerMap) Add();
                    if (start == held) break;
                }
                // The unfinished line moves to the front; a line longer than the buffer grows it.
                Buffer.BlockCopy(buffer, start, buffer, 0, held - start);
                held -= start;
                if (held == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            }
            if (lines != 0) Add();
        }
        return LargestFirst(splits);
    }

    // JobSubmitter orders splits largest first with a stable sort (Java's Arrays.sort over objects); List.Sort is not stable, OrderByDescending is.
    private static List<InputSplit> LargestFirst(List<InputSplit> splits) => splits.OrderByDescending(s => s.Length).ToList();
}
