using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Jobs;

/// <summary>Which tasks a compiled script defines, with every function's shape checked without running the script.</summary>
public sealed class JobShape
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private JobShape(Type scriptType, FunctionShape? map, FunctionShape? reduce, FunctionShape? combine,
        FunctionShape? mapEnd, FunctionShape? reduceEnd, FunctionShape? combineEnd, MethodInfo?[] starts, ValueSort? sort)
    {
        Sort = sort;
        _starts = starts;
        ScriptType = scriptType;
        Map = map;
        Reduce = reduce;
        Combine = combine;
        MapEnd = mapEnd;
        ReduceEnd = reduceEnd;
        CombineEnd = combineEnd;
        var tasks = new List<TaskKind>();
        if (map is not null) tasks.Add(TaskKind.Map);
        if (reduce is not null) tasks.Add(TaskKind.Reduce);
        if (combine is not null) tasks.Add(TaskKind.Combine);
        Tasks = tasks;
    }

    private readonly MethodInfo?[] _starts;

    /// <summary>The tasks the script defines, in the order map, reduce, combine.</summary>
    public IReadOnlyList<TaskKind> Tasks { get; }

    /// <summary>The compiled script class.</summary>
    public Type ScriptType { get; }

    /// <summary>The sort Reduce's <c>[SortValues]</c> declares, or null.</summary>
    public ValueSort? Sort { get; }

    internal FunctionShape? Map { get; }

    internal FunctionShape? Reduce { get; }

    internal FunctionShape? Combine { get; }

    internal FunctionShape? MapEnd { get; }

    internal FunctionShape? ReduceEnd { get; }

    internal FunctionShape? CombineEnd { get; }

    /// <summary>True when the script defines <paramref name="kind"/>.</summary>
    public bool Defines(TaskKind kind) => Function(kind) is not null;

    internal FunctionShape? Function(TaskKind kind) => kind switch
    {
        TaskKind.Map => Map,
        TaskKind.Reduce => Reduce,
        TaskKind.Combine => Combine,
        _ => null,
    };

    internal FunctionShape? End(TaskKind kind) => kind switch
    {
        TaskKind.Map => MapEnd,
        TaskKind.Reduce => ReduceEnd,
        TaskKind.Combine => CombineEnd,
        _ => null,
    };

    /// <summary>The <c>MapStart</c>, <c>ReduceStart</c> or <c>CombineStart()</c> hook that runs before a task's first record, if the script has one.</summary>
    internal MethodInfo? Start(TaskKind kind) => _starts[(int)kind];

    /// <summary>Reads and checks the shapes of Map, Reduce, Combine and their *End functions, throwing <see cref="JobShapeException"/> for the first that is wrong.</summary>
    public static JobShape Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type scriptType)
    {
        ArgumentNullException.ThrowIfNull(scriptType);
        var methods = scriptType.GetMethods(Declared);
        var map = Task(methods, "Map", valuesAreSequence: false);
        var reduce = Task(methods, "Reduce", valuesAreSequence: true);
        var combine = Task(methods, "Combine", valuesAreSequence: true);
        var mapEnd = End(methods, "MapEnd", map, "Map");
        var reduceEnd = End(methods, "ReduceEnd", reduce, "Reduce");
        var combineEnd = End(methods, "CombineEnd", combine, "Combine");
        var starts = new MethodInfo?[3];
        starts[(int)TaskKind.Map] = Start(methods, "MapStart", map, "Map");
        starts[(int)TaskKind.Reduce] = Start(methods, "ReduceStart", reduce, "Reduce");
        starts[(int)TaskKind.Combine] = Start(methods, "CombineStart", combine, "Combine");
        var sort = ValueSort.Of(map, reduce, combine, mapEnd);
        return new JobShape(scriptType, map, reduce, combine, mapEnd, reduceEnd, combineEnd, starts, sort);
    }

    private static MethodInfo? Find(MethodInfo[] methods, string name)
    {
        // "map" for "Map" would silently leave the job without that task.
        if (methods.FirstOrDefault(m => m.Name != name && string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)) is { } miscased)
            throw new JobShapeException(miscased.Name, $"{miscased.Name} differs from {name} only in case, so hdnr would never call it; name it {name}");
        var found = methods.Where(m => m.Name == name).ToList();
        if (found.Count > 1)
            throw new JobShapeException(name, $"{name} is defined {found.Count} times; define it once");
        return found.Count == 1 ? found[0] : null;
    }

    private static FunctionShape? Task(MethodInfo[] methods, string name, bool valuesAreSequence)
    {
        var method = Find(methods, name);
        if (method is null) return null;
        var example = valuesAreSequence
            ? $"{name} must take (key, values) and return pairs, e.g. IEnumerable<(string, int)> {name}(string word, IEnumerable<int> counts)"
            : $"{name} must take (key, value) and return pairs, e.g. IEnumerable<(string, int)> {name}(long offset, string line)";
        var parameters = method.GetParameters();
        var pair = PairTypeOf(method.ReturnType);
        if (method.IsGenericMethodDefinition || parameters.Length != 2 || pair is null
            || parameters.Any(p => p.ParameterType.IsByRef || p.IsOut))
            throw Wrong(name, example, method);
        var keyType = parameters[0].ParameterType;
        var valueType = parameters[1].ParameterType;
        if (valuesAreSequence)
        {
            if (!valueType.IsGenericType || valueType.GetGenericTypeDefinition() != typeof(IEnumerable<>))
                throw Wrong(name, example, method);
            valueType = valueType.GetGenericArguments()[0];
        }
        CheckReadable(name, "key", keyType);
        CheckReadable(name, valuesAreSequence ? "values' element" : "value", valueType);
        return Checked(name, method, keyType, valueType, pair);
    }

    private static FunctionShape? End(MethodInfo[] methods, string name, FunctionShape? task, string taskName)
    {
        var method = Find(methods, name);
        if (method is null) return null;
        var pair = PairTypeOf(method.ReturnType);
        if (method.IsGenericMethodDefinition || method.GetParameters().Length != 0 || pair is null)
            throw Wrong(name, $"{name} must take no parameters and return pairs, e.g. IEnumerable<(string, int)> {name}()", method);
        if (task is null)
            throw new JobShapeException(name, $"{name} runs after the last record of {taskName}, but the script defines no {taskName}");
        return Checked(name, method, null, null, pair);
    }

    private static MethodInfo? Start(MethodInfo[] methods, string name, FunctionShape? task, string taskName)
    {
        var method = Find(methods, name);
        if (method is null) return null;
        if (method.IsGenericMethodDefinition || method.GetParameters().Length != 0 || method.ReturnType != typeof(void))
            throw Wrong(name, $"{name} must take no parameters and return nothing, e.g. void {name}()", method);
        if (task is null)
            throw new JobShapeException(name, $"{name} runs before the first record of {taskName}, but the script defines no {taskName}");
        return method;
    }

    private static FunctionShape Checked(string name, MethodInfo method, Type? keyType, Type? valueType, Type pair)
    {
        var items = pair.GetGenericArguments();
        CheckWritable(name, "key", items[0]);
        CheckWritable(name, "value", items[1]);
        return new FunctionShape(method, keyType, valueType, pair, items[0], items[1]);
    }

    private static void CheckReadable(string name, string role, Type type)
    {
        if (!TextForm.CanRead(type))
            throw new JobShapeException(name,
                $"{name} takes a {role} of type {TypeNames.Of(type)}, which hdnr cannot convert input to; use {TextForm.ReadableTypesText}");
    }

    private static void CheckWritable(string name, string role, Type type)
    {
        if (!TextForm.CanWrite(type))
            throw new JobShapeException(name,
                $"{name} returns pairs whose {role} has type {TypeNames.Of(type)}, which hdnr cannot write; use {TextForm.ReadableTypesText}, or a collection of them");
    }

    private static JobShapeException Wrong(string name, string expected, MethodInfo method) =>
        new(name, $"{expected}; found: {Signature(method)}");

    private static string Signature(MethodInfo method)
    {
        var generic = method.IsGenericMethodDefinition
            ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">"
            : "";
        var parameters = string.Join(", ", method.GetParameters().Select(p =>
            (p.IsOut ? "out " : p.ParameterType.IsByRef && p.IsIn ? "in " : "")
            + TypeNames.Of(p.IsOut || p.IsIn ? p.ParameterType.GetElementType()! : p.ParameterType)));
        return $"{TypeNames.Of(method.ReturnType)} {method.Name}{generic}({parameters})";
    }

    /// <summary>The pair type of a function's result: T of the IEnumerable&lt;T&gt; it is or implements, when T is a 2-tuple or KeyValuePair.</summary>
    private static Type? PairTypeOf(Type returnType)
    {
        // A struct sequence cannot be returned through the IEnumerable<T> delegate the task loops call.
        if (returnType.IsValueType) return null;
        Type? element = null;
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            element = returnType.GetGenericArguments()[0];
        }
        else if (returnType != typeof(string))
        {
            var sequences = EnumerableInterfaces(returnType);
            if (sequences.Length == 1) element = sequences[0].GetGenericArguments()[0];
        }
        if (element is null || !element.IsGenericType) return null;
        var definition = element.GetGenericTypeDefinition();
        return definition == typeof(ValueTuple<,>) || definition == typeof(KeyValuePair<,>) ? element : null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "A compiled script's return type is loaded whole from its own assembly; hdnr never trims scripts.")]
    private static Type[] EnumerableInterfaces(Type type) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).ToArray();
}
