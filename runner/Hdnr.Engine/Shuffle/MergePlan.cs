// Merge and shuffle: every map's segment for one reduce task, merged in key order.
using Hdnr.Engine.Spill;
using Hdnr.Formats.Shuffle;

namespace Hdnr.Engine.Shuffle;

/// <summary>The passes in which Hadoop's map task merges one partition of its spills into its output file (Merger's MergeQueue in mergeParts), which decide the order of equal keys.</summary>
/// <remarks>
/// Hadoop sorts the segments by their IFile length (a stable sort, shortest first) and merges at most
/// <c>mapreduce.task.io.sort.factor</c> (10) at once. With more, the first pass merges just enough of the shortest
/// that each later pass merges a full factor (getPassFactor); a pass writes its result to an intermediate file, which goes back
/// into the list where Java's binary search by length finds its place, and the last pass merges what is left. A spill
/// whose segment holds no pair counts for the first pass's size but is dropped when its turn comes, and another one
/// is taken in its place. Each pass here is a <see cref="SpillMerger"/> over the passes it reads, so no intermediate
/// file is written, and the pairs come in the order Hadoop's passes leave them.
/// </remarks>
internal sealed class MergePlan
{
    // A segment: a spill's (Inputs empty) or what a pass merged from its inputs.
    private sealed record Node(int Spill, IReadOnlyList<Node> Inputs, long Length, long Records);

    private readonly Node _last;

    private MergePlan(Node last, long intermediateRecords)
    {
        _last = last;
        IntermediateRecords = intermediateRecords;
    }

    /// <summary>Pairs the passes before the last one write to their intermediate files (Hadoop counts them as spilled).</summary>
    public long IntermediateRecords { get; }

    /// <summary>The passes Hadoop makes over partition <paramref name="partition"/> of a map task's spills <paramref name="runs"/>, at most <paramref name="factor"/> segments each.</summary>
    public static MergePlan Of(IReadOnlyList<SpillRun> runs, int partition, int factor)
    {
        var segments = runs.Select((run, i) => new Node(i, [], run.HadoopLengths[partition], run.Records[partition])).OrderBy(n => n.Length).ToList();
        var count = segments.Count;
        var intermediate = 0L;
        for (var pass = 1; ; pass++)
        {
            var passFactor = PassFactor(pass, count, factor);
            var merged = new List<Node>();
            while (merged.Count < passFactor && segments.Count > 0)
            {
                var taken = segments.Take(passFactor - merged.Count).ToList();
                segments.RemoveRange(0, taken.Count);
                foreach (var segment in taken)
                {
                    if (segment.Records > 0) merged.Add(segment);
                    else count--;
                }
            }
            var output = new Node(-1, merged, merged.Sum(n => n.Length - SpillAccounting.SegmentEndBytes) + SpillAccounting.SegmentEndBytes, merged.Sum(n => n.Records));
            if (count <= passFactor) return new MergePlan(output, intermediate);
            intermediate += output.Records;
            segments.Insert(Place(segments, output.Length), output);
            count = segments.Count;
        }
    }

    /// <summary>The merged pairs, reading each spill's segment from <paramref name="open"/> (given the spill's index) in <paramref name="order"/>.</summary>
    public SortedSegment Open(Func<int, SortedSegment> open, KeyOrder order) => Open(_last, open, order);

    private static SortedSegment Open(Node node, Func<int, SortedSegment> open, KeyOrder order) =>
        node.Spill >= 0 ? open(node.Spill) : new SpillMerger([.. node.Inputs.Select(input => Open(input, open, order))], order);

    // Merger.getPassFactor: the first pass merges what makes every later pass a full one.
    private static int PassFactor(int pass, int segments, int factor)
    {
        if (pass > 1 || segments <= factor) return factor;
        var mod = (segments - 1) % (factor - 1);
        return mod == 0 ? factor : mod + 1;
    }

    // Java's Collections.binarySearch over segments ordered by length: an equal length's index as the search meets it,
    // else the insertion point.
    private static int Place(List<Node> segments, long length)
    {
        int low = 0, high = segments.Count - 1;
        while (low <= high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            var byLength = segments[mid].Length.CompareTo(length);
            if (byLength < 0) low = mid + 1;
            else if (byLength > 0) high = mid - 1;
            else return mid;
        }
        return low;
    }
}
