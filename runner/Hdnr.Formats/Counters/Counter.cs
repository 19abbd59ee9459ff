namespace Hdnr.Formats.Counters;

/// <summary>One counter's name: its group and its name in the group, as Hadoop's job client prints them.</summary>
public readonly record struct Counter(string Group, string Name);
