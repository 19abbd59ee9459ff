using Hdnr.Hadoop.Freezing;
using Hdnr.Runtime.Jobs;
using Hdnr.Scripting;
using Hdnr.Scripting.Caching;

namespace Hdnr.Hadoop.Launching;

/// <summary><c>launch</c> and <c>launch-frozen</c>: freeze the script, ship the bundle through the distributed cache, run the streaming job.</summary>
public static class Launcher
{
    /// <summary>Runs (or with <paramref name="printOnly"/>, prints) the job and returns Hadoop's exit code.</summary>
    /// <param name="compiled">The script.</param>
    /// <param name="options">The job's inputs, output and settings.</param>
    /// <param name="mode">framework for <c>launch</c> (nodes need .NET 10), native or self-contained for <c>launch-frozen</c>.</param>
    /// <param name="upload">True for <c>launch-frozen</c>: a bundle the store keeps (<see cref="BundleStore.Keeps"/>) goes once to the user's bundle store; others travel with the job.</param>
    /// <param name="printOnly">Print the hadoop command line and change nothing.</param>
    public static int Launch(CompiledScript compiled, LaunchOptions options, FreezeMode mode, bool upload, bool printOnly, TextWriter stdout, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(options);
        var hadoop = HadoopInstallation.Find();
        var name = Freezer.ExecutableName(compiled.ScriptPath);
        string? typedBytesReason = null;
        if (options.Io is null)
        {
            typedBytesReason = DefaultIo.TypedBytesReason(compiled.AssemblyPath, compiled.DependencyPaths,
                options.InputFormat is not null || options.InputReader is not null);
            options = options with { Io = typedBytesReason is null ? "text" : "typedbytes" };
        }
        var steps = JobSteps.Of(ScriptAssemblyLoader.Load(compiled.AssemblyPath, compiled.DependencyPaths).GetType("Script", throwOnError: true)!);
        if (steps.Count > 1) return LaunchSteps(compiled, steps, options, mode, upload, printOnly, stdout, log);
        options = StreamingCommand.WithInMapperCombining(options, steps[0]);
        if (printOnly)
        {
            // The archive's path is its content hash, which needs no freeze to compute.
            var entry = Freezer.EntryOf(compiled, mode);
            var local = Path.Combine(entry, $"{name}.tar.gz");
            var where = upload && BundleStore.Keeps(mode) ? BundleStore.For(hadoop, options.Defines).Target(Path.GetFileName(entry), local) : new Uri(local).AbsoluteUri;
            stdout.WriteLine(StreamingCommand.ForShell(StreamingCommand.Build(hadoop, options, name, compiled.Tasks, where)));
            return 0;
        }
        // Check what can be checked before the slow part.
        StreamingCommand.Build(hadoop, options, name, compiled.Tasks, "check");
        var bundle = Freezer.Bundle(compiled, mode, log);
        var archive = LocalArchive(bundle);
        // A local path is staged by job submission into the job's private staging folder: no hadoop fs JVM of hdnr's own.
        var uri = upload && BundleStore.Keeps(mode) ? BundleStore.For(hadoop, options.Defines).Ensure(archive, bundle.Key, log) : new Uri(archive).AbsoluteUri;
        var argv = StreamingCommand.Build(hadoop, options, name, compiled.Tasks, uri);
        if (typedBytesReason is not null) log.WriteLine($"hdnr: -io typedbytes, as {typedBytesReason}");
        return Run(hadoop, argv, "the job", log);
    }

    // Runs one streaming job; when it fails, tells what its tasks wrote on stderr under "hdnr: WHAT failed".
    private static int Run(HadoopInstallation hadoop, IReadOnlyList<string> argv, string what, TextWriter log)
    {
        log.WriteLine("hdnr: " + StreamingCommand.ForShell(argv));
        var result = ToolProcess.Run(argv, stream: true);
        if (result.ExitCode != 0)
        {
            var lines = TaskErrors.Find(hadoop, result.Output);
            if (lines.Count > 0)
            {
                log.WriteLine($"hdnr: {what} failed (hadoop exit {result.ExitCode}); its tasks wrote on stderr:");
                foreach (var line in lines) log.WriteLine("  " + line);
            }
            else
            {
                log.WriteLine($"hdnr: {what} failed (hadoop exit {result.ExitCode}); no task error was found in Hadoop's output or logs");
            }
        }
        return result.ExitCode;
    }

    /// <summary>A job of several steps: one streaming job per step from one bundle, each step's pairs in a folder of the user's on the cluster's filesystem, removed at the end whether the job passed or failed.</summary>
    private static int LaunchSteps(CompiledScript compiled, IReadOnlyList<JobShape> steps, LaunchOptions options, FreezeMode mode, bool upload, bool printOnly,
        TextWriter stdout, TextWriter log)
    {
        // Hadoop takes the job's reducers from -D where -numReduceTasks (a step's [Reducers], --reducers) does not say.
        var asked = options.Reducers ?? (options.Define(key => key is "mapreduce.job.reduces" or "mapred.reduce.tasks") is { } define
            && int.TryParse(define, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var defined) ? defined : null);
        if (JobSteps.ReducersProblem(steps, asked) is { } reducers)
            throw new HadoopToolException($"0 reducers (--reducers 0 or -D mapreduce.job.reduces=0): {reducers}");
        var hadoop = HadoopInstallation.Find();
        var name = Freezer.ExecutableName(compiled.ScriptPath);
        var store = BundleStore.For(hadoop, options.Defines);
        var temporary = store.TemporaryFolder(name);
        IReadOnlyList<string> Command(JobShape step, string archive) =>
            StreamingCommand.Build(hadoop, StreamingCommand.WithInMapperCombining(StreamingCommand.ForStep(options, name, step, steps.Count, temporary), step), name, step.Tasks, archive);
        if (printOnly)
        {
            var entry = Freezer.EntryOf(compiled, mode);
            var local = Path.Combine(entry, $"{name}.tar.gz");
            var where = upload && BundleStore.Keeps(mode) ? store.Target(Path.GetFileName(entry), local) : new Uri(local).AbsoluteUri;
            foreach (var step in steps) stdout.WriteLine(StreamingCommand.ForShell(Command(step, where)));
            return 0;
        }
        foreach (var step in steps) Command(step, "check");
        var bundle = Freezer.Bundle(compiled, mode, log);
        var archive = LocalArchive(bundle);
        var uri = upload && BundleStore.Keeps(mode) ? store.Ensure(archive, bundle.Key, log) : new Uri(archive).AbsoluteUri;
        store.Create(temporary);
        try
        {
            foreach (var step in steps)
            {
                var exit = Run(hadoop, Command(step, uri), Engine.StepJobRunner.Name(step, steps.Count), log);
                if (exit != 0) return exit;
            }
            return 0;
        }
        finally
        {
            store.RemoveFolder(temporary);
        }
    }

    /// <summary>The bundle as a <c>.tar.gz</c> in the cache beside it, written again whenever the bundle was.</summary>
    private static string LocalArchive(FrozenBundle bundle)
    {
        var archive = Path.Combine(Path.GetDirectoryName(bundle.Directory)!, $"{bundle.Name}.tar.gz");
        if (!bundle.Reused || !CacheDirectory.CheckEntry(archive)) BundleArchive.Write(bundle.Directory, [], archive);
        return archive;
    }
}
