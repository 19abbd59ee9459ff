namespace Hdnr.Formats.Input;

/// <summary>One map task's share of the input: a byte range of one file, as Hadoop's FileSplit.</summary>
public sealed record InputSplit(string Path, long Start, long Length, InputFormat Format, long FileLength);
