using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Hdnr.Runtime.Frozen;
using Hdnr.Runtime.Jobs;
using Hdnr.Scripting;
using Hdnr.Scripting.Caching;

namespace Hdnr.Hadoop.Freezing;

/// <summary>Freezes a script: compiles it, publishes it with hdnr's runtime as an executable named after it, and writes the bundle as an archive.</summary>
/// <remarks>
/// Bundles are kept in the cache under a hash of everything that goes into them (the compiled script, its package
/// dlls, hdnr's runtime, the mode), so freezing the same sources again only writes the archive.
/// </remarks>
public static class Freezer
{
    /// <summary>Bumped when the bundle's layout or the generated project changes.</summary>
    private const string LayoutVersion = "hdnr-frozen-5";

    /// <summary>Freezes <paramref name="compiled"/> into a bundle folder (from the cache when it is there) and returns it.</summary>
    public static FrozenBundle Bundle(CompiledScript compiled, FreezeMode mode, TextWriter log) =>
        Bundle(compiled, mode, log, Environment.GetEnvironmentVariable);

    /// <summary>The folder a freeze of <paramref name="compiled"/> keeps its bundle in, found without freezing: named by the content hash.</summary>
    public static string EntryOf(CompiledScript compiled, FreezeMode mode)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var key = Key(ExecutableName(compiled.ScriptPath), mode, compiled.AssemblyPath, DependencyFiles(compiled.DependencyPaths), RuntimeAssemblies());
        return Path.Combine(FrozenCache.Root(Environment.GetEnvironmentVariable), key);
    }

    internal static FrozenBundle Bundle(CompiledScript compiled, FreezeMode mode, TextWriter log, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(log);
        var watch = Stopwatch.StartNew();
        var name = ExecutableName(compiled.ScriptPath);
        var runtime = RuntimeAssemblies();
        var dependencies = DependencyFiles(compiled.DependencyPaths);
        var key = Key(name, mode, compiled.AssemblyPath, dependencies, runtime);
        var entry = Path.Combine(FrozenCache.Root(variable), key);
        var bundle = Path.Combine(entry, "bundle");
        if (FrozenCache.IsWhole(bundle))
            return new FrozenBundle(name, mode, bundle, key, Reused: true, watch.Elapsed);

        CacheDirectory.EnsurePrivate(entry);
        var work = Path.Combine(entry, $"work-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var scriptAssemblyName = AssemblyName.GetAssemblyName(compiled.AssemblyPath).Name!;
            var scriptFileName = scriptAssemblyName + ".dll";
            IReadOnlyList<string>? lineFiles = null;
            var references = new List<string>(runtime);
            if (mode == FreezeMode.Native)
            {
                var binding = NativeBinding(compiled);
                var dlls = dependencies.Where(d => d.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
                // The AOT compiler finds an assembly by its file name, and the compile cache names the dll by its key.
                var copy = Path.Combine(work, "references", scriptFileName);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                lineFiles = WriteTracked(compiled, dlls, copy, binding, log);
                references.Add(copy);
                references.AddRange(dlls);
            }
            var project = new BundleProject(name, mode, compiled.Doc, compiled.Tasks, references, scriptAssemblyName, scriptFileName, lineFiles)
                { Steps = StepsOf(compiled), Info = InfoOf(compiled) }
                .WriteTo(Path.Combine(work, "project"));
            var output = Path.Combine(work, "bundle");
            DotnetPublish.Run(project, output, mode, name, log);
            Finish(output, mode, compiled.AssemblyPath, scriptFileName, dependencies);
            // The manifest goes first, so the bundle is never in place without the manifest it was made with.
            FrozenCache.Seal(output, bundle);
            // A damaged bundle is moved out of the way (into the work folder, deleted below) in one step.
            if (Directory.Exists(bundle)) Directory.Move(bundle, Path.Combine(work, "damaged"));
            try
            {
                Directory.Move(output, bundle);
            }
            catch (IOException) when (Directory.Exists(bundle))
            {
                // Another freeze of the same sources finished first: its bundle does the same; should its bytes differ
                // from this manifest, the next freeze builds it once more.
            }
            return new FrozenBundle(name, mode, bundle, key, Reused: false, watch.Elapsed);
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>The executable's name: the script's file name without its extension (<c>wc</c> for <c>wc.csx</c>).</summary>
    public static string ExecutableName(string scriptPath)
    {
        var name = Path.GetFileNameWithoutExtension(scriptPath);
        if (string.IsNullOrEmpty(name) || name.StartsWith('.') || name.StartsWith('-'))
            throw new HadoopToolException($"cannot name an executable after '{scriptPath}'; rename the script");
        return name;
    }

    /// <summary>Writes the script compiled with line stores and <paramref name="binding"/> to <paramref name="copy"/> and returns the files its positions index; when it does not compile so, writes it compiled as written with the binding and returns null.</summary>
    /// <remarks>A native executable has no PDB to place a failure with; without line stores it still runs, and its errors name no line.</remarks>
    private static IReadOnlyList<string>? WriteTracked(CompiledScript compiled, IReadOnlyList<string> dlls, string copy, string binding, TextWriter log)
    {
        try
        {
            var tracked = LineTracking.Compile(compiled.ScriptPath, compiled.AssemblyPath, dlls, binding);
            File.WriteAllBytes(copy, tracked.Assembly);
            return tracked.Files;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever stops the rewrite (a form it does not keep compiling) must not stop the freeze.
            log.WriteLine($"hdnr: {compiled.ScriptPath}: the native executable's errors will name no .csx line (line stores: {e.Message})");
        }
        try
        {
            File.WriteAllBytes(copy, LineTracking.CompileAsWritten(compiled.ScriptPath, compiled.AssemblyPath, dlls, binding));
            return null;
        }
        catch (InvalidOperationException e)
        {
            throw new HadoopToolException($"{compiled.ScriptPath}: the native executable's binding does not compile with the script: {e.Message}");
        }
    }

    /// <summary>For a job of several steps, each step's tasks; null for one step.</summary>
    private static IReadOnlyList<IReadOnlyList<TaskKind>>? StepsOf(CompiledScript compiled)
    {
        var steps = Steps(compiled);
        return steps.Count == 1 ? null : steps.Select(s => s.Tasks).ToList();
    }

    /// <summary>The line the bundle's <c>info</c> prints, when it says more than the doc and tasks, which the bundle knows already.</summary>
    private static string? InfoOf(CompiledScript compiled)
    {
        var steps = Steps(compiled);
        var info = InfoJson.Of(compiled.Doc, steps);
        return info == InfoJson.Of(compiled.Doc, steps[0].Tasks) ? null : info;
    }

    private static IReadOnlyList<JobShape> Steps(CompiledScript compiled) =>
        JobSteps.Of(ScriptAssemblyLoader.Load(compiled.AssemblyPath, compiled.DependencyPaths).GetType("Script", throwOnError: true)!);

    /// <summary>The method, compiled into the script, that registers the codecs of every step and binds its functions in a native executable.</summary>
    private static string NativeBinding(CompiledScript compiled)
    {
        try
        {
            return StaticBindingSource.Method(Steps(compiled));
        }
        catch (NotSupportedException e)
        {
            // Only a signature type code cannot name (a pointer, say) gets here; JobShape refuses those for every verb first.
            throw new HadoopToolException($"{compiled.ScriptPath}: NativeAOT cannot take this script: {e.Message}");
        }
    }

    /// <summary>The task runtime, Hdnr.Runtime, as the installed tool has it: it needs nothing but the framework (a test keeps it so), so it is the one assembly of hdnr a bundle carries.</summary>
    private static List<string> RuntimeAssemblies() => [typeof(ScriptJob).Assembly.Location];

    /// <summary>The files of the script's packages: dlls and native libraries, from the paths and folders the compiler listed.</summary>
    private static List<string> DependencyFiles(IReadOnlyList<string> dependencyPaths)
    {
        var files = new List<string>();
        foreach (var path in dependencyPaths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
        }
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Key(string name, FreezeMode mode, string script, IReadOnlyList<string> dependencies, IReadOnlyList<string> runtime)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Text(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        void Content(string path)
        {
            Text(Path.GetFileName(path));
            hash.AppendData(File.ReadAllBytes(path));
        }
        Text(LayoutVersion);
        Text(name);
        Text(FreezeModes.Name(mode));
        Text(Environment.Version.ToString());
        Content(script);
        foreach (var path in dependencies) Content(path);
        foreach (var path in runtime) Content(path);
        return Convert.ToHexStringLower(hash.GetCurrentHash())[..32];
    }

    /// <summary>Puts what the published executable loads at run time beside it, and drops what no node needs.</summary>
    private static void Finish(string output, FreezeMode mode, string script, string scriptFileName, IReadOnlyList<string> dependencies)
    {
        foreach (var pdb in Directory.EnumerateFiles(output, "*.pdb").Concat(Directory.EnumerateFiles(output, "*.dbg")).ToList())
            File.Delete(pdb);
        if (mode == FreezeMode.Native)
        {
            // Package code is compiled in; only native libraries are loaded from beside the executable.
            foreach (var native in dependencies.Where(IsNativeLibrary))
                File.Copy(native, Path.Combine(output, Path.GetFileName(native)), overwrite: true);
            return;
        }
        var lib = Directory.CreateDirectory(Path.Combine(output, "lib")).FullName;
        File.Copy(script, Path.Combine(lib, scriptFileName), overwrite: true);
        foreach (var dependency in dependencies)
            File.Copy(dependency, Path.Combine(lib, Path.GetFileName(dependency)), overwrite: true);
    }

    private static bool IsNativeLibrary(string path)
    {
        var file = Path.GetFileName(path);
        return file.EndsWith(".so", StringComparison.Ordinal) || file.Contains(".so.", StringComparison.Ordinal);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
