using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tasks;

namespace Hdnr.Runtime.Frozen;

/// <summary>Binds a script's functions to task loops closed over types named in source, for a native executable that cannot close generics at run time.</summary>
/// <remarks>
/// A frozen native executable calls one typed method per function (code that <see cref="StaticBindingSource"/> writes for the
/// script's signatures), so the AOT compiler sees every instantiation. The shape check, the script's set-up and the task
/// loops are <see cref="ScriptJob"/>'s and <see cref="StreamingTask"/>'s own; only <c>MakeGenericType</c> is replaced.
/// </remarks>
public sealed class StaticJobBinder
{
    private readonly JobShape _shape;
    private readonly ITaskReporter _reporter;
    private readonly object _instance;
    private readonly BoundFunction?[] _tasks = new BoundFunction?[3];
    private readonly BoundFunction?[] _ends = new BoundFunction?[3];

    /// <summary>Checks the shape of <paramref name="scriptType"/> and runs the script's top-level statements with <paramref name="reporter"/> and <paramref name="context"/> behind its globals.</summary>
    [RequiresUnreferencedCode("Reads the methods of the compiled script class; a frozen executable roots the script's assembly.")]
    public StaticJobBinder(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type scriptType,
        ITaskReporter reporter,
        TaskContext context)
        : this(scriptType, reporter, context, 1)
    {
    }

    /// <summary>As the constructor above, for the functions of step <paramref name="step"/> (<c>Map2</c>, <c>Reduce2</c>, ... for 2).</summary>
    [RequiresUnreferencedCode("Reads the methods of the compiled script class; a frozen executable roots the script's assembly.")]
    public StaticJobBinder(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type scriptType,
        ITaskReporter reporter,
        TaskContext context,
        int step)
    {
        ArgumentNullException.ThrowIfNull(scriptType);
        ArgumentNullException.ThrowIfNull(reporter);
        _shape = JobShape.Of(scriptType, step);
        _reporter = reporter;
        _instance = ScriptJob.Instantiate(scriptType, new ScriptGlobals(reporter, context));
    }

    /// <summary>The job of step <paramref name="step"/> of a frozen script, bound by the method <see cref="StaticBindingSource.Method"/> wrote into the script's own compilation, which names the script's classes and records.</summary>
    [RequiresUnreferencedCode("Reads the methods of the compiled script class; a frozen executable roots the script's assembly.")]
    public static ScriptJob Bind(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type scriptType,
        ITaskReporter reporter,
        TaskContext context,
        int step)
    {
        var binder = new StaticJobBinder(scriptType, reporter, context, step);
        var method = scriptType.GetMethod(StaticBindingSource.MethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("the frozen executable's script has no binding; freeze the script again");
        method.CreateDelegate<Action<StaticJobBinder, int>>()(binder, step);
        return binder.Job();
    }

    /// <summary>Binds <c>Map(TKey, TValue)</c> returning <c>(TOutKey, TOutValue)</c> tuples.</summary>
    public void MapTuples<TKey, TValue, TOutKey, TOutValue>() =>
        _tasks[(int)TaskKind.Map] = NewMap<TKey, TValue, (TOutKey, TOutValue), TupleAccess<TOutKey, TOutValue>, TOutKey, TOutValue>();

    /// <summary>Binds <c>Map(TKey, TValue)</c> returning <c>KeyValuePair&lt;TOutKey, TOutValue&gt;</c>s.</summary>
    public void MapPairs<TKey, TValue, TOutKey, TOutValue>() =>
        _tasks[(int)TaskKind.Map] = NewMap<TKey, TValue, KeyValuePair<TOutKey, TOutValue>, KeyValueAccess<TOutKey, TOutValue>, TOutKey, TOutValue>();

    /// <summary>Binds the map of a later step that declares none: each record as it came, typed as the step's Reduce reads it.</summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The instantiation is named in source, and the generated source registers the codec of every container type it names before binding, so no reader builds one.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "As above: the readers take the registered codecs.")]
    public void IdentityMap<TKey, TValue>() =>
        _tasks[(int)TaskKind.Map] = new MapFunction<TKey, TValue, (TKey, TValue), TupleAccess<TKey, TValue>, TKey, TValue>(
            JobShape.FunctionName("Map", _shape.Step), static (key, value) => [(key, value)]);

    /// <summary>Binds <c>Reduce</c> or <c>Combine(TKey, IEnumerable&lt;TValue&gt;)</c> returning tuples.</summary>
    public void GroupTuples<TKey, TValue, TOutKey, TOutValue>(TaskKind kind) =>
        _tasks[(int)kind] = NewGroup<TKey, TValue, (TOutKey, TOutValue), TupleAccess<TOutKey, TOutValue>, TOutKey, TOutValue>(kind);

    /// <summary>Binds <c>Reduce</c> or <c>Combine(TKey, IEnumerable&lt;TValue&gt;)</c> returning <c>KeyValuePair</c>s.</summary>
    public void GroupPairs<TKey, TValue, TOutKey, TOutValue>(TaskKind kind) =>
        _tasks[(int)kind] = NewGroup<TKey, TValue, KeyValuePair<TOutKey, TOutValue>, KeyValueAccess<TOutKey, TOutValue>, TOutKey, TOutValue>(kind);

    /// <summary>Binds the *End function of <paramref name="kind"/>, returning tuples.</summary>
    public void EndTuples<TOutKey, TOutValue>(TaskKind kind) =>
        _ends[(int)kind] = NewEnd<(TOutKey, TOutValue), TupleAccess<TOutKey, TOutValue>, TOutKey, TOutValue>(kind);

    /// <summary>Binds the *End function of <paramref name="kind"/>, returning <c>KeyValuePair</c>s.</summary>
    public void EndPairs<TOutKey, TOutValue>(TaskKind kind) =>
        _ends[(int)kind] = NewEnd<KeyValuePair<TOutKey, TOutValue>, KeyValueAccess<TOutKey, TOutValue>, TOutKey, TOutValue>(kind);

    /// <summary>The bound job; fails when a function the script defines was not bound (the generated code and the script disagree).</summary>
    public ScriptJob Job()
    {
        foreach (var kind in _shape.Tasks)
        {
            if (_tasks[(int)kind] is null || (_shape.End(kind) is not null && _ends[(int)kind] is null))
                throw new InvalidOperationException($"the frozen executable did not bind the script's {kind}; freeze the script again");
        }
        return new ScriptJob(_shape, _reporter, _tasks, _ends, _instance);
    }

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The instantiation is named in source, and the generated source registers the codec of every container type it names before binding, so no reader builds one.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "As above: the readers take the registered codecs.")]
    private MapFunction<TKey, TValue, TPair, TAccess, TOutKey, TOutValue> NewMap<TKey, TValue, TPair, TAccess, TOutKey, TOutValue>()
        where TAccess : struct, IPairAccess<TPair, TOutKey, TOutValue> =>
        new("Map", Bind<Func<TKey, TValue, IEnumerable<TPair>>>(Function(TaskKind.Map, _shape.Map)));

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The instantiation is named in source, and the generated source registers the codec of every container type it names before binding, so no reader builds one.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "As above: the readers take the registered codecs.")]
    private GroupFunction<TKey, TValue, TPair, TAccess, TOutKey, TOutValue> NewGroup<TKey, TValue, TPair, TAccess, TOutKey, TOutValue>(TaskKind kind)
        where TAccess : struct, IPairAccess<TPair, TOutKey, TOutValue>
    {
        var function = Function(kind, _shape.Function(kind));
        return new(function.Name, Bind<Func<TKey, IEnumerable<TValue>, IEnumerable<TPair>>>(function));
    }

    private EndFunction<TPair, TAccess, TOutKey, TOutValue> NewEnd<TPair, TAccess, TOutKey, TOutValue>(TaskKind kind)
        where TAccess : struct, IPairAccess<TPair, TOutKey, TOutValue>
    {
        var end = Function(kind, _shape.End(kind));
        return new(end.Name, Bind<Func<IEnumerable<TPair>>>(end));
    }

    private static MethodInfo Function(TaskKind kind, FunctionShape? function) =>
        function?.Method ?? throw new InvalidOperationException($"the script defines no such function for {kind}; freeze the script again");

    private TDelegate Bind<TDelegate>(MethodInfo method)
        where TDelegate : Delegate =>
        method.IsStatic ? method.CreateDelegate<TDelegate>() : method.CreateDelegate<TDelegate>(_instance);
}
