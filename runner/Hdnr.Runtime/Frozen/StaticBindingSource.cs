using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.TypedBytes;

namespace Hdnr.Runtime.Frozen;

/// <summary>Writes the C# statements that bind one script's functions through <see cref="StaticJobBinder"/>, naming every type its signatures use.</summary>
public static class StaticBindingSource
{
    // Declared input types whose readers close no generic type at run time (ObjectConverters builds lists,
    // dictionaries, arrays and tuples of the declared element types with MakeGenericType, which AOT cannot).
    private static readonly HashSet<Type> NativeReadable =
    [
        typeof(string), typeof(long), typeof(int), typeof(short), typeof(sbyte), typeof(byte), typeof(double), typeof(float),
        typeof(bool), typeof(byte[]), typeof(object), typeof(long?), typeof(int?), typeof(short?), typeof(sbyte?), typeof(byte?),
        typeof(double?), typeof(float?), typeof(bool?), typeof(TypedBytesVector), typeof(TypedBytesList), typeof(TypedBytesMap),
        typeof(TypedBytesRaw),
    ];

    /// <summary>Statements calling <paramref name="binder"/> (a <see cref="StaticJobBinder"/> variable) once per function of <paramref name="shape"/>.</summary>
    /// <exception cref="NotSupportedException">A native executable cannot run this script; the message says why.</exception>
    public static string For(JobShape shape, string binder)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var code = new StringBuilder();
        foreach (var kind in shape.Tasks)
        {
            var function = shape.Function(kind)!;
            Check(function.Method.Name, "key", function.KeyType!);
            Check(function.Method.Name, function.Method.Name == "Map" ? "value" : "values' element", function.ValueType!);
            var pairs = function.PairsAreKeyValuePairs ? "Pairs" : "Tuples";
            var types = string.Join(", ", new[] { function.KeyType!, function.ValueType!, function.OutKeyType, function.OutValueType }.Select(t => CSharpName(function.Method.Name, t)));
            code.Append(kind == TaskKind.Map
                ? $"{binder}.Map{pairs}<{types}>();\n"
                : $"{binder}.Group{pairs}<{types}>(global::Hdnr.Runtime.Jobs.TaskKind.{kind});\n");
            if (shape.End(kind) is { } end)
            {
                var endPairs = end.PairsAreKeyValuePairs ? "Pairs" : "Tuples";
                var endTypes = $"{CSharpName(end.Method.Name, end.OutKeyType)}, {CSharpName(end.Method.Name, end.OutValueType)}";
                code.Append($"{binder}.End{endPairs}<{endTypes}>(global::Hdnr.Runtime.Jobs.TaskKind.{kind});\n");
            }
        }
        return code.ToString();
    }

    private static void Check(string function, string role, Type type)
    {
        if (!NativeReadable.Contains(type))
            throw new NotSupportedException(
                $"{function} takes a {role} of type {TypeNames.Of(type)}, which a native executable cannot convert input to " +
                "(it would build the collection's type at run time)");
    }

    /// <summary>The fully qualified C# spelling of <paramref name="type"/>, e.g. <c>global::System.Collections.Generic.List&lt;int&gt;</c>.</summary>
    internal static string CSharpName(string function, Type type)
    {
        if (!type.IsVisible)
            throw new NotSupportedException($"{function} uses the type {TypeNames.Of(type)}, which code outside the script cannot name");
        if (type.IsArray)
            return CSharpName(function, type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsPointer || type.IsByRef || type.IsGenericParameter)
            throw new NotSupportedException($"{function} uses the type {TypeNames.Of(type)}, which a frozen executable cannot bind");
        var name = new StringBuilder("global::");
        var arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        var used = 0;
        var chain = new List<Type>();
        for (var t = type; t is not null; t = t.DeclaringType) chain.Insert(0, t);
        if (!string.IsNullOrEmpty(chain[0].Namespace)) name.Append(chain[0].Namespace).Append('.');
        for (var i = 0; i < chain.Count; i++)
        {
            if (i > 0) name.Append('.');
            var simple = chain[i].Name;
            var tick = simple.IndexOf('`');
            if (tick < 0)
            {
                name.Append(simple);
                continue;
            }
            var count = int.Parse(simple[(tick + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            name.Append(simple, 0, tick).Append('<')
                .Append(string.Join(", ", arguments.Skip(used).Take(count).Select(a => CSharpName(function, a)))).Append('>');
            used += count;
        }
        return name.ToString();
    }
}
