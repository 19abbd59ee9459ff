namespace Hdnr.Hadoop.Launching;

/// <summary>One file in the user's bundle store, as <c>hadoop fs -ls</c> lists it.</summary>
/// <param name="Path">Its URI.</param>
/// <param name="Folder">The <c>KEY</c> folder that holds it, removed with it.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="Modified">When it was written (the filesystem's time, to the minute, in the client's time zone as <c>-ls</c> prints it).</param>
public sealed record StoredBundle(string Path, string Folder, long Size, DateTime Modified);
