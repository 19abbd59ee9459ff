using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Hdnr.Runtime.Tasks;

namespace Hdnr.Runtime.Jobs;

/// <summary>A compiled script, set up and with its functions bound, ready to run any task it defines.</summary>
public sealed class ScriptJob
{
    private readonly BoundFunction?[] _tasks;
    private readonly BoundFunction?[] _ends;
    private readonly Action?[] _starts;

    internal ScriptJob(JobShape shape, ITaskReporter reporter, BoundFunction?[] tasks, BoundFunction?[] ends, object? instance)
    {
        _starts = new Action?[3];
        foreach (var kind in shape.Tasks)
        {
            if (shape.Start(kind) is { } start)
                _starts[(int)kind] = start.IsStatic ? start.CreateDelegate<Action>() : start.CreateDelegate<Action>(instance);
        }
        Shape = shape;
        Reporter = reporter;
        _tasks = tasks;
        _ends = ends;
    }

    /// <summary>The tasks the script defines and their checked shapes.</summary>
    public JobShape Shape { get; }

    /// <summary>Where the script's Counter and Status calls go; flushed when a task ends.</summary>
    public ITaskReporter Reporter { get; }

    /// <summary>Runs the script's top-level statements with <paramref name="reporter"/> and <paramref name="context"/> behind its globals, then binds its functions.</summary>
    /// <exception cref="JobShapeException">A function has a shape hdnr cannot run.</exception>
    /// <exception cref="ScriptException">The script's top-level statements threw.</exception>
    [RequiresDynamicCode("Binds a script compiled at run time.")]
    [RequiresUnreferencedCode("Binds a script compiled at run time.")]
    public static ScriptJob Create(Assembly compiled, ITaskReporter reporter, TaskContext context) => Create(compiled, reporter, context, 1);

    /// <summary>As <see cref="Create(Assembly, ITaskReporter, TaskContext)"/>, binding the functions of step <paramref name="step"/> (<c>Map2</c>, <c>Reduce2</c>, ... for 2).</summary>
    /// <exception cref="JobShapeException">A function has a shape hdnr cannot run.</exception>
    /// <exception cref="ScriptException">The script's top-level statements threw.</exception>
    [RequiresDynamicCode("Binds a script compiled at run time.")]
    [RequiresUnreferencedCode("Binds a script compiled at run time.")]
    public static ScriptJob Create(Assembly compiled, ITaskReporter reporter, TaskContext context, int step)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(reporter);
        var scriptType = compiled.GetType("Script")
            ?? throw new ArgumentException($"{compiled.GetName().Name} is not a compiled script: it has no class Script", nameof(compiled));
        var shape = JobShape.Of(scriptType, step);
        var instance = Instantiate(scriptType, new ScriptGlobals(reporter, context));
        var tasks = new BoundFunction?[3];
        var ends = new BoundFunction?[3];
        foreach (var kind in shape.Tasks)
        {
            tasks[(int)kind] = kind == TaskKind.Map && shape.MapsByIdentity
                ? JobBinder.Identity(shape.InputTypes!.Value.Key, shape.InputTypes.Value.Value, JobShape.FunctionName("Map", step))
                : JobBinder.Task(shape.Function(kind)!, kind, instance);
            if (shape.End(kind) is { } end) ends[(int)kind] = JobBinder.End(end, instance);
        }
        return new ScriptJob(shape, reporter, tasks, ends, instance);
    }

    internal BoundFunction? Task(TaskKind kind) => _tasks[(int)kind];

    internal BoundFunction? End(TaskKind kind) => _ends[(int)kind];

    /// <summary>The script's <c>MapStart</c>, <c>ReduceStart</c> or <c>CombineStart</c>, bound to its instance.</summary>
    internal Action? Start(TaskKind kind) => _starts[(int)kind];

    /// <summary>Runs the script's factory: it executes the top-level statements and leaves the script instance in slot 1.</summary>
    [RequiresUnreferencedCode("Finds the factory of a script compiled at run time.")]
    internal static object Instantiate(Type scriptType, ScriptGlobals globals)
    {
        var factory = scriptType.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new ArgumentException($"{scriptType.Assembly.GetName().Name} is not a compiled script: Script has no <Factory>");
        var submission = new object?[] { globals, null };
        try
        {
            ((Task)factory.Invoke(null, [submission])!).GetAwaiter().GetResult();
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw ScriptException.InTopLevelStatements(exception.InnerException);
        }
        catch (Exception exception)
        {
            throw ScriptException.InTopLevelStatements(exception);
        }
        return submission[1] ?? throw new InvalidOperationException("The script's factory left no script instance in slot 1");
    }
}
