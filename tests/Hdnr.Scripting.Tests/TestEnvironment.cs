using System.Runtime.CompilerServices;

namespace Hdnr.Scripting.Tests;

/// <summary>Points the public <see cref="ScriptCompiler.Load(string)"/> at a temp cache, so tests never touch the user's.</summary>
internal static class TestEnvironment
{
    // Inside the run's temp folder, whichever module initializer runs first.
    public static readonly string CacheDir = Directory.CreateDirectory(Path.Combine(Hdnr.Tests.TestRunTemp.Folder, "hdnr-scripting-cache")).FullName;

    // A test assembly has no other hook that runs before every test class; CA2255 warns libraries, not test hosts.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => Environment.SetEnvironmentVariable("HDNR_CACHE_DIR", CacheDir);
}
