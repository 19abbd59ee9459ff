using System.Diagnostics.CodeAnalysis;
using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Frozen;

/// <summary>Writes the C# statements that bind one script's functions through <see cref="StaticJobBinder"/>, naming every type its signatures use.</summary>
public static class StaticBindingSource
{
    /// <summary>The name of the method <see cref="Method"/> writes, which <see cref="StaticJobBinder.Bind"/> calls.</summary>
    public const string MethodName = "__hdnr_frozen_binding";

    /// <summary>A static method for the script's own compilation that binds the functions of the step it is given on a <see cref="StaticJobBinder"/>: inside the script, its own classes and records can be named.</summary>
    /// <exception cref="NotSupportedException">A native executable cannot run this script; the message says why.</exception>
    [RequiresDynamicCode("Names the tuples a script's records travel as.")]
    [RequiresUnreferencedCode("Reads a script's records.")]
    public static string Method(IReadOnlyList<JobShape> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var code = new StringBuilder();
        code.Append($"\nstatic void {MethodName}(global::Hdnr.Runtime.Frozen.StaticJobBinder binder, int step)\n{{\n    switch (step)\n    {{\n");
        foreach (var step in steps)
        {
            code.Append($"        case {step.Step}:\n        {{\n");
            foreach (var line in For(step, "binder").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                code.Append("            ").Append(line).Append('\n');
            code.Append("            break;\n        }\n");
        }
        code.Append("    }\n}\n");
        return code.ToString();
    }

    /// <summary>Statements registering the codec of every container type the script declares, then calling <paramref name="binder"/> (a <see cref="StaticJobBinder"/> variable) once per function of <paramref name="shape"/>.</summary>
    /// <exception cref="NotSupportedException">A native executable cannot run this script; the message says why.</exception>
    [RequiresDynamicCode("Names the tuples a script's records travel as.")]
    [RequiresUnreferencedCode("Reads a script's records.")]
    public static string For(JobShape shape, string binder)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var code = new StringBuilder();
        // The codecs go first: a task loop's readers and writers take theirs when the binder builds it.
        var registered = new HashSet<Type>();
        foreach (var kind in shape.Tasks)
        {
            // An identity map's types are its step's Reduce's, registered with it.
            if (shape.Function(kind) is not { } function) continue;
            var types = new List<Type> { function.KeyType!, function.ValueType!, function.OutKeyType, function.OutValueType };
            if (shape.End(kind) is { } end) types.AddRange([end.OutKeyType, end.OutValueType]);
            foreach (var type in types.Where(t => Codecs.IsContainer(t) && registered.Add(t)))
            {
                var name = CSharpName(function.Method.Name, type);
                code.Append($"global::Hdnr.Runtime.Conversion.Codecs.Register<{name}>({Codec(function.Method.Name, type)});\n");
            }
        }
        foreach (var kind in shape.Tasks)
        {
            if (shape.Function(kind) is not { } function)
            {
                var (key, value) = shape.InputTypes!.Value;
                code.Append($"{binder}.IdentityMap<{CSharpName(shape.FirstFunctionName!, key)}, {CSharpName(shape.FirstFunctionName!, value)}>();\n");
                continue;
            }
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

    /// <summary>An expression that builds the codec of <paramref name="type"/> from its elements' codecs, each type named, so the AOT compiler sees every instantiation.</summary>
    [RequiresDynamicCode("Names the tuples a script's records travel as.")]
    [RequiresUnreferencedCode("Reads a script's records.")]
    private static string Codec(string function, Type type)
    {
        const string Conversion = "global::Hdnr.Runtime.Conversion.";
        var name = CSharpName(function, type);
        if (!Codecs.IsContainer(type)) return $"new {Conversion}ScalarCodec<{name}>()";
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            return $"new {Conversion}SequenceCodec<{name}, {CSharpName(function, element)}>({Codec(function, element)})";
        }
        var arguments = type.GetGenericArguments();
        var items = string.Join(", ", arguments.Select(a => Codec(function, a)));
        var named = string.Join(", ", arguments.Select(a => CSharpName(function, a)));
        if (TextForm.IsValueTuple(type)) return $"{Conversion}TupleCodecs.Of<{named}>({items})";
        if (RecordShape.IsScriptType(type)) return RecordCodec(function, RecordShape.Of(type));
        return arguments.Length == 1
            ? $"new {Conversion}SequenceCodec<{name}, {named}>({items})"
            : $"new {Conversion}DictionaryCodec<{name}, {named}>({items})";
    }

    // The codec of a script's record: its members' tuple's, and the two conversions as lambdas over the members.
    [RequiresDynamicCode("Names the tuples a script's records travel as.")]
    [RequiresUnreferencedCode("Reads a script's records.")]
    private static string RecordCodec(string function, RecordShape shape)
    {
        var name = CSharpName(function, shape.Type);
        var tuple = CSharpName(function, shape.TupleType());
        var members = shape.Members.Select(m => "@" + m.Name).ToList();
        var items = Enumerable.Range(1, members.Count).Select(i => $"items.Item{i}").ToList();
        var build = shape.Positional
            ? $"new {name}({string.Join(", ", items)})"
            : $"new {name} {{ {string.Join(", ", members.Select((m, i) => $"{m} = {items[i]}"))} }}";
        var split = members.Count == 1 ? $"new {tuple}(value.{members[0]})" : $"({string.Join(", ", members.Select(m => "value." + m))})";
        return $"new global::Hdnr.Runtime.Conversion.RecordCodec<{name}, {tuple}>({Codec(function, shape.TupleType())}, static items => {build}, static value => {split})";
    }

    /// <summary>The fully qualified C# spelling of <paramref name="type"/>, e.g. <c>global::System.Collections.Generic.List&lt;int&gt;</c>.</summary>
    internal static string CSharpName(string function, Type type)
    {
        // The script's own types are named as the script names them: the binding is compiled with it.
        if (RecordShape.IsScriptType(type)) return string.Join('.', RecordShape.ScriptName(type).Split('.').Select(n => "@" + n));
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
