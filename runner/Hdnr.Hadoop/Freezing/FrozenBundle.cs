namespace Hdnr.Hadoop.Freezing;

/// <summary>A frozen script in the cache: a folder whose root holds the executable <see cref="Name"/>.</summary>
/// <param name="Name">The executable's name.</param>
/// <param name="Mode">How it was frozen.</param>
/// <param name="Directory">The bundle's folder.</param>
/// <param name="Key">The content hash it is kept under.</param>
/// <param name="Reused">True when an earlier freeze of the same sources made it.</param>
/// <param name="Elapsed">How long finding or making it took.</param>
public sealed record FrozenBundle(string Name, FreezeMode Mode, string Directory, string Key, bool Reused, TimeSpan Elapsed);
