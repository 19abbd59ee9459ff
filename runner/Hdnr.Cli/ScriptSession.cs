using Hdnr.Runtime.Jobs;
using Hdnr.Scripting;

namespace Hdnr.Cli;

/// <summary>The script named on the command line, compiled (or taken from the cache) when a verb first needs it.</summary>
internal sealed class ScriptSession(string scriptArgument)
{
    private CompiledScript? compiled;

    /// <summary>The script's path exactly as the user wrote it, so messages name it the same way.</summary>
    public string ScriptArgument { get; } = scriptArgument;

    public CompiledScript Compiled => compiled ??= Load();

    // A script that is not there is a mistake in the command line, not a failed task.
    private CompiledScript Load()
    {
        try
        {
            return ScriptCompiler.Load(ScriptArgument);
        }
        catch (FileNotFoundException e) when (e.FileName == ScriptArgument)
        {
            throw new UserException(e.Message);
        }
    }

    /// <summary>Runs the script's top-level code with <paramref name="context"/> and binds its functions, reporting counters on stderr as Hadoop reads them.</summary>
    public ScriptJob CreateJob(TaskContext context) =>
        ScriptJob.Create(ScriptAssemblyLoader.Load(Compiled.AssemblyPath, Compiled.DependencyPaths), new StderrReporter(), context);
}
