using Hdnr.Scripting;

namespace Hdnr.Tests;

/// <summary>The compile cache the hdnr processes of a test run share, filled by compiling each script in the test process, where the compiler is warm.</summary>
/// <remarks>
/// A cold compile costs a fresh hdnr process seconds; the same compile here, once Roslyn is loaded and jitted, costs a
/// tenth of one. The entry's key is the same either way (the same hdnr assemblies from the same folder, the same runtime,
/// the script's full path and bytes), so the hdnr process a test starts next finds it, as a user's second run does.
/// Tests whose subject is the compile or the cache give hdnr a cache of their own, which this never fills.
/// </remarks>
internal static class SharedCompileCache
{
    /// <summary>The cache folder, also <c>HDNR_CACHE_DIR</c> of this process.</summary>
    public static readonly string Folder = Create();

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("hdnr-tests-cache-").FullName;
        // ScriptCompiler.Load finds its cache through the environment; a child process not told otherwise (a test that
        // starts hdnr through a shell, say) then uses this cache too rather than the user's own.
        Environment.SetEnvironmentVariable("HDNR_CACHE_DIR", folder);
        return folder;
    }

    /// <summary>When the hdnr arguments <paramref name="args"/> start with a <c>.csx</c> file, compiles it into <see cref="Folder"/> unless it is there already.</summary>
    public static void Prepare(IReadOnlyList<string> args, string workingDirectory)
    {
        if (args.Count > 0 && args[0].EndsWith(".csx", StringComparison.Ordinal))
            Prepare(Path.GetFullPath(args[0], workingDirectory));
    }

    /// <summary>Compiles the script at the full path <paramref name="script"/> into <see cref="Folder"/> unless it is there already.</summary>
    public static void Prepare(string script)
    {
        if (!File.Exists(script)) return;
        _ = Folder;
        try
        {
            ScriptCompiler.Load(script);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever stops this compile (an error in the script, a file it cannot read) stops the hdnr process's too,
            // which reports it as a user sees it: that is what the test checks.
        }
    }
}
