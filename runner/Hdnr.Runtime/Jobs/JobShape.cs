using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Jobs;

/// <summary>Which tasks a compiled script defines, with every function's shape checked without running the script.</summary>
public sealed class JobShape
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private JobShape(Type scriptType, int step, FunctionShape? map, FunctionShape? reduce, FunctionShape? combine,
        FunctionShape? mapEnd, FunctionShape? reduceEnd, FunctionShape? combineEnd, MethodInfo?[] starts, int? reducers, ValueSort? sort)
    {
        Sort = sort;
        _starts = starts;
        ScriptType = scriptType;
        Step = step;
        Reducers = reducers;
        Map = map;
        Reduce = reduce;
        Combine = combine;
        MapEnd = mapEnd;
        ReduceEnd = reduceEnd;
        CombineEnd = combineEnd;
        var tasks = new List<TaskKind>();
        // A later step without a Map maps by identity over its Reduce's input types.
        if (map is not null || (step > 1 && reduce is not null)) tasks.Add(TaskKind.Map);
        if (reduce is not null) tasks.Add(TaskKind.Reduce);
        if (combine is not null) tasks.Add(TaskKind.Combine);
        Tasks = tasks;
    }

    private readonly MethodInfo?[] _starts;

    /// <summary>The tasks the script defines, in the order map, reduce, combine.</summary>
    public IReadOnlyList<TaskKind> Tasks { get; }

    /// <summary>The step these functions make, 1 for <c>Map</c>, <c>Reduce</c>, ...; k for <c>Mapk</c>, <c>Reducek</c>, ...</summary>
    public int Step { get; }

    /// <summary>The step's <c>[Reducers(n)]</c>, or null when none of its functions declares it.</summary>
    public int? Reducers { get; }

    /// <summary>True when the step's map task passes its input on unchanged: a step after the first with a Reduce and no Map.</summary>
    public bool MapsByIdentity => Map is null && Tasks.Contains(TaskKind.Map);

    /// <summary>The key and value types the step reads: its Map's, or its Reduce's when it has no Map; null for a step with neither.</summary>
    public (Type Key, Type Value)? InputTypes =>
        Map is { } map ? (map.KeyType!, map.ValueType!) : Reduce is { } reduce ? (reduce.KeyType!, reduce.ValueType!) : null;

    /// <summary>The key and value types the step writes: its Reduce's, or its Map's when it is map-only.</summary>
    public (Type Key, Type Value)? OutputTypes =>
        (Reduce ?? Map) is { } last ? (last.OutKeyType, last.OutValueType) : null;

    /// <summary>The function that writes the step's output (<c>Reduce2</c>, or <c>Map2</c> in a map-only step), for messages.</summary>
    public string? LastFunctionName => (Reduce ?? Map)?.Method.Name;

    /// <summary>The function that reads the step's input (<c>Map2</c>, or <c>Reduce2</c> when the step maps by identity), for messages.</summary>
    public string? FirstFunctionName => (Map ?? Reduce)?.Method.Name;

    /// <summary>The name step <paramref name="step"/> gives a function: <c>Map</c> for step 1, <c>Map2</c> for step 2.</summary>
    public static string FunctionName(string name, int step) =>
        step == 1 ? name : name + step.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
    public static JobShape Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type scriptType) =>
        Of(scriptType, 1);

    /// <summary>As <see cref="Of(Type)"/> for the functions of step <paramref name="step"/> (<c>Map2</c>, <c>Reduce2</c>, ... for 2).</summary>
    public static JobShape Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type scriptType, int step)
    {
        ArgumentNullException.ThrowIfNull(scriptType);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var methods = scriptType.GetMethods(Declared);
        string N(string name) => FunctionName(name, step);
        var map = Task(methods, N("Map"), valuesAreSequence: false);
        var reduce = Task(methods, N("Reduce"), valuesAreSequence: true);
        var combine = Task(methods, N("Combine"), valuesAreSequence: true);
        var mapEnd = End(methods, N("MapEnd"), map, N("Map"));
        var reduceEnd = End(methods, N("ReduceEnd"), reduce, N("Reduce"));
        var combineEnd = End(methods, N("CombineEnd"), combine, N("Combine"));
        var starts = new MethodInfo?[3];
        starts[(int)TaskKind.Map] = Start(methods, N("MapStart"), map ?? (step > 1 ? reduce : null), N("Map"));
        starts[(int)TaskKind.Reduce] = Start(methods, N("ReduceStart"), reduce, N("Reduce"));
        starts[(int)TaskKind.Combine] = Start(methods, N("CombineStart"), combine, N("Combine"));
        var functions = new[] { map?.Method, reduce?.Method, combine?.Method, mapEnd?.Method, reduceEnd?.Method, combineEnd?.Method }
            .Concat(starts).OfType<MethodInfo>();
        var sort = ValueSort.Of(map, reduce, combine, mapEnd);
        return new JobShape(scriptType, step, map, reduce, combine, mapEnd, reduceEnd, combineEnd, starts, ReducersOf(functions), sort);
    }

    // [Reducers(n)] on any one function of the step; two that disagree leave no one number to run.
    private static int? ReducersOf(IEnumerable<MethodInfo> functions)
    {
        MethodInfo? first = null;
        foreach (var function in functions)
        {
            if (function.GetCustomAttribute<ReducersAttribute>() is not { } declared) continue;
            if (declared.Count < 1)
                throw new JobShapeException(function.Name, $"[Reducers({declared.Count})] on {function.Name}: a step runs 1 reducer or more; a step without a Reduce function is map-only");
            if (first is not null && first.GetCustomAttribute<ReducersAttribute>()!.Count != declared.Count)
                throw new JobShapeException(function.Name, $"[Reducers({declared.Count})] on {function.Name} but [Reducers({first.GetCustomAttribute<ReducersAttribute>()!.Count})] on {first.Name}: declare a step's reducers once");
            first ??= function;
        }
        return first?.GetCustomAttribute<ReducersAttribute>()!.Count;
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
        CheckRecords(name, role, type);
        if (!TextForm.CanRead(type))
            throw new JobShapeException(name,
                $"{name} takes a {role} of type {TypeNames.Of(type)}, which hdnr cannot convert input to{NullableRecordNote(type)}; use {TextForm.ReadableTypesText}");
    }

    private static void CheckWritable(string name, string role, Type type)
    {
        CheckRecords(name, role, type);
        if (!TextForm.CanWrite(type))
            throw new JobShapeException(name,
                $"{name} returns pairs whose {role} has type {TypeNames.Of(type)}, which hdnr cannot write{NullableRecordNote(type)}; use {TextForm.ReadableTypesText}, or a collection of them");
    }

    // A record struct's T? reads like a record, but is not one: say so, and what to declare instead.
    private static string NullableRecordNote(Type type) => TextForm.NullableRecord(type) is { } nullable
        ? $" (it holds {TypeNames.Of(nullable)}: hdnr carries no nullable record struct; declare a record class for a value that may be null)"
        : "";

    // A script type that cannot travel is named at its declaration, where the fix is.
    private static void CheckRecords(string name, string role, Type type)
    {
        if (Conversion.RecordShape.Problem(type) is not { } problem) return;
        var at = Conversion.RecordShape.ScriptName(problem.Type) + (problem.Member is null ? "" : "." + problem.Member);
        throw new JobShapeException(at, $"{name}'s {role} has type {TypeNames.Of(type)}: {problem.Message}", JobShapeException.RecordCode);
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
