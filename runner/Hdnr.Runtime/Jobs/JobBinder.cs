using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Tasks;

namespace Hdnr.Runtime.Jobs;

/// <summary>Binds each script function once to a typed delegate inside a generic task loop closed over its declared types.</summary>
/// <remarks>Reflection happens here only; per record the loops make ordinary typed delegate calls.</remarks>
internal static class JobBinder
{
    [RequiresDynamicCode("Closes generic task loops over a script's declared types.")]
    [RequiresUnreferencedCode("Closes generic task loops over a script's declared types.")]
    public static BoundFunction Task(FunctionShape function, TaskKind kind, object? instance, string? name = null)
    {
        Codecs.Prepare(function.OutKeyType);
        Codecs.Prepare(function.OutValueType);
        var access = Access(function);
        var sequence = typeof(IEnumerable<>).MakeGenericType(function.PairType);
        Type loop;
        Type signature;
        if (kind == TaskKind.Map)
        {
            loop = typeof(MapFunction<,,,,,>);
            signature = typeof(Func<,,>).MakeGenericType(function.KeyType!, function.ValueType!, sequence);
        }
        else
        {
            loop = typeof(GroupFunction<,,,,,>);
            signature = typeof(Func<,,>).MakeGenericType(
                function.KeyType!, typeof(IEnumerable<>).MakeGenericType(function.ValueType!), sequence);
        }
        var closed = loop.MakeGenericType(
            function.KeyType!, function.ValueType!, function.PairType, access, function.OutKeyType, function.OutValueType);
        return Create(closed, name ?? function.Method.Name, Delegate(function.Method, signature, instance));
    }

    [RequiresDynamicCode("Closes generic task loops over a script's declared types.")]
    [RequiresUnreferencedCode("Closes generic task loops over a script's declared types.")]
    public static BoundFunction End(FunctionShape function, object? instance)
    {
        Codecs.Prepare(function.OutKeyType);
        Codecs.Prepare(function.OutValueType);
        var signature = typeof(Func<>).MakeGenericType(typeof(IEnumerable<>).MakeGenericType(function.PairType));
        var closed = typeof(EndFunction<,,,>).MakeGenericType(
            function.PairType, Access(function), function.OutKeyType, function.OutValueType);
        return Create(closed, function.Method.Name, Delegate(function.Method, signature, instance));
    }

    /// <summary>A map named <paramref name="name"/> that returns each record as it came, typed as the step's Reduce reads it: the map of a later step that declares none.</summary>
    [RequiresDynamicCode("Closes generic task loops over a script's declared types.")]
    [RequiresUnreferencedCode("Closes generic task loops over a script's declared types.")]
    public static BoundFunction Identity(Type keyType, Type valueType, string name)
    {
        var method = typeof(JobBinder).GetMethod(nameof(Pass), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(keyType, valueType);
        var pair = typeof(ValueTuple<,>).MakeGenericType(keyType, valueType);
        var shape = new FunctionShape(method, keyType, valueType, pair, keyType, valueType);
        return Task(shape, TaskKind.Map, null, name);
    }

    private static IEnumerable<(TKey, TValue)> Pass<TKey, TValue>(TKey key, TValue value) => [(key, value)];

    [RequiresDynamicCode("Closes generic task loops over a script's declared types.")]
    private static Type Access(FunctionShape function) =>
        (function.PairsAreKeyValuePairs ? typeof(KeyValueAccess<,>) : typeof(TupleAccess<,>))
            .MakeGenericType(function.OutKeyType, function.OutValueType);

    private static Delegate Delegate(MethodInfo method, Type signature, object? instance) =>
        method.IsStatic ? method.CreateDelegate(signature) : method.CreateDelegate(signature, instance);

    [RequiresUnreferencedCode("Creates task loops closed over a script's declared types.")]
    private static BoundFunction Create(Type closed, string name, Delegate function)
    {
        try
        {
            return (BoundFunction)Activator.CreateInstance(closed, name, function)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
