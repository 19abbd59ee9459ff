namespace Hdnr.Runtime.Wire;

/// <summary>A source of pairs grouped by key that knows where one key's run of pairs ends.</summary>
public interface IGroupedPairSource : IPairSource
{
    /// <summary>True when the pair the last <see cref="IPairSource.Next"/> returned has the key of the pair before it.</summary>
    bool KeyRepeats { get; }
}
