namespace Hdnr.Formats.Shuffle;

/// <summary>A sequence sorted in place through comparisons and swaps of positions (Hadoop's IndexedSortable).</summary>
public interface IIndexedSortable
{
    /// <summary>Compares the items at positions <paramref name="i"/> and <paramref name="j"/>: negative, zero or positive.</summary>
    int Compare(int i, int j);

    /// <summary>Exchanges the items at positions <paramref name="i"/> and <paramref name="j"/>.</summary>
    void Swap(int i, int j);
}
