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
    public ScriptJob CreateJob(TaskContext context) => CreateJob(context, 1);

    /// <summary>As <see cref="CreateJob(TaskContext)"/>, binding the functions of step <paramref name="step"/>.</summary>
    public ScriptJob CreateJob(TaskContext context, int step) =>
        ScriptJob.Create(ScriptAssemblyLoader.Load(Compiled.AssemblyPath, Compiled.DependencyPaths), new StderrReporter(), context, step);

    private IReadOnlyList<JobShape>? steps;

    /// <summary>The script's steps with their tasks and declared options, read from the compiled script's metadata without running it.</summary>
    public IReadOnlyList<JobShape> Steps => steps ??=
        JobSteps.Of(ScriptAssemblyLoader.Load(Compiled.AssemblyPath, Compiled.DependencyPaths).GetType("Script", throwOnError: true)!);

    /// <summary>Step <paramref name="step"/> (from <c>--step</c>), or a one-line usage error when the script has no such step.</summary>
    public JobShape Step(int step) =>
        step >= 1 && step <= Steps.Count ? Steps[step - 1]
            : throw new UserException($"{ScriptArgument} has {Steps.Count} step{(Steps.Count == 1 ? "" : "s")}; --step {step} names none.");
}
