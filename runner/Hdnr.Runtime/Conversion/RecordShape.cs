using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Conversion;

/// <summary>How a class or record declared in the script travels as a key or value: as the tuple of its members, in order, and how it is built back from them.</summary>
/// <remarks>
/// A positional record (one whose public constructor's parameters its <c>Deconstruct</c> gives back, as a record's primary
/// constructor does) travels as the tuple of those parameters, read through the properties of the same names and built
/// through that constructor, so a record key sorts as the tuple would and a script may switch between the two without
/// changing its data. Any other class or record travels as the tuple of its public instance fields and settable
/// auto-properties, in declaration order (a type's own after its base's), built through its parameterless constructor.
/// Every rule is checked here once, when the job is bound; the failure names the type and the member.
/// </remarks>
public sealed class RecordShape
{
    private const BindingFlags Instance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    // A tuple of more items nests its eighth in another tuple, whose text form is an array inside the array.
    private const int MostMembers = 7;

    private static readonly ConcurrentDictionary<Type, object> Shapes = new();

    private static readonly Type[] TupleDefinitions =
    [
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>),
        typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>),
    ];

    [ThreadStatic]
    private static HashSet<Type>? t_checking;

    private RecordShape(Type type, IReadOnlyList<RecordMember> members, ConstructorInfo? constructor, bool positional)
    {
        Type = type;
        Members = members;
        Constructor = constructor;
        Positional = positional;
    }

    /// <summary>The script's type.</summary>
    public Type Type { get; }

    /// <summary>The members the type travels as, in order.</summary>
    public IReadOnlyList<RecordMember> Members { get; }

    /// <summary>The constructor that builds a value: the primary one of a positional record (taking every member), else the parameterless one (null for a struct's default).</summary>
    public ConstructorInfo? Constructor { get; }

    /// <summary>True when the type is built through a constructor taking its members, false when its members are set after a parameterless one.</summary>
    public bool Positional { get; }

    /// <summary>The value tuple of the members' types: the form the type travels in.</summary>
    [RequiresDynamicCode("Closes a value tuple over a script's member types.")]
    [RequiresUnreferencedCode("Closes a value tuple over a script's member types.")]
    public Type TupleType() =>
        TupleDefinitions[Members.Count - 1].MakeGenericType(Members.Select(m => m.Type).ToArray());

    /// <summary>True for a class or struct declared in the script or a file it loads: the types a script compilation nests in its class <c>Script</c>.</summary>
    public static bool IsScriptType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsNested || type.IsGenericType || type.IsEnum || type.IsInterface || typeof(Delegate).IsAssignableFrom(type)) return false;
        var outer = type;
        while (outer.DeclaringType is { } declaring) outer = declaring;
        return outer.Name == "Script" && string.IsNullOrEmpty(outer.Namespace) && !type.IsAbstract;
    }

    /// <summary>How the script names <paramref name="type"/>, one of its own: <c>Visit</c>, or <c>Outer.Inner</c> for a type declared inside another.</summary>
    public static string ScriptName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var names = new List<string>();
        for (var t = type; t.DeclaringType is not null; t = t.DeclaringType) names.Insert(0, t.Name);
        return string.Join('.', names);
    }

    /// <summary>The shape of the script type <paramref name="type"/>, found once.</summary>
    /// <exception cref="RecordShapeException">The type cannot travel: the message says which member and why.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "A script's types are loaded whole from its own assembly; a frozen executable roots it.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above.")]
    public static RecordShape Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var found = Shapes.GetOrAdd(type, static t =>
        {
            try
            {
                return Find(t);
            }
            catch (RecordShapeException failure)
            {
                return failure;
            }
        });
        return found as RecordShape ?? throw (RecordShapeException)found;
    }

    /// <summary>The first reason a script type inside <paramref name="type"/> (itself, an element, an item) cannot travel, or null.</summary>
    public static RecordShapeException? Problem(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (IsScriptType(type))
        {
            try
            {
                Of(type);
                return null;
            }
            catch (RecordShapeException failure)
            {
                return failure;
            }
        }
        if (type.HasElementType) return Problem(type.GetElementType()!);
        return type.IsGenericType ? type.GetGenericArguments().Select(Problem).FirstOrDefault(p => p is not null) : null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "A script's types are loaded whole from its own assembly; a frozen executable roots it.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above.")]
    private static RecordShape Find(Type type)
    {
        var name = TypeNames.Of(type);
        var checking = t_checking ??= [];
        if (!checking.Add(type))
            throw new RecordShapeException(type, null, $"{name} holds itself through its members, and a key or value cannot hold a cycle");
        try
        {
            var settable = Settable(type);
            var shape = ByConstructor(type, name, settable) ?? ByMembers(type, name, settable);
            if (shape.Members.Count == 0)
                throw new RecordShapeException(type, null, $"{name} has no public field or settable property to carry; give it a primary constructor");
            if (shape.Members.Count > MostMembers)
                throw new RecordShapeException(type, shape.Members[MostMembers].Name,
                    $"{name} has {shape.Members.Count} members, and hdnr carries at most {MostMembers} (a tuple's): group some in a record of their own");
            foreach (var member in shape.Members)
            {
                if (Problem(member.Type) is { } inner) throw inner;
                if (!TextForm.CanRead(member.Type))
                    throw new RecordShapeException(type, member.Name,
                        $"{name}.{member.Name} has type {TypeNames.Of(member.Type)}, which hdnr cannot carry; use {TextForm.ReadableTypesText}");
            }
            return shape;
        }
        finally
        {
            checking.Remove(type);
        }
    }

    // A record's primary constructor is the public one whose parameters Deconstruct gives back, each with a property of its name.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "A script's types are loaded whole from its own assembly.")]
    private static RecordShape? ByConstructor(Type type, string name, List<RecordMember> settable)
    {
        var deconstruct = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "Deconstruct" && m.ReturnType == typeof(void)).ToList();
        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length == 0) continue;
            if (!deconstruct.Any(d => d.GetParameters().Select(p => (p.Name, p.ParameterType)).SequenceEqual(parameters.Select(p => (p.Name, p.ParameterType.MakeByRefType())))))
                continue;
            var members = new List<RecordMember>();
            foreach (var parameter in parameters)
            {
                if (type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance) is not { GetMethod.IsPublic: true } property
                    || property.PropertyType != parameter.ParameterType)
                    return null;
                members.Add(new RecordMember(parameter.Name!, parameter.ParameterType, property));
            }
            if (settable.FirstOrDefault(s => members.All(m => m.Name != s.Name)) is { } extra)
                throw new RecordShapeException(type, extra.Name,
                    $"{name}.{extra.Name} is not a parameter of {name}'s primary constructor, so it would not travel: make it one, or give it no setter");
            return new RecordShape(type, members, constructor, positional: true);
        }
        return null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "A script's types are loaded whole from its own assembly.")]
    private static RecordShape ByMembers(Type type, string name, List<RecordMember> settable)
    {
        var constructor = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (constructor is null && !type.IsValueType)
            throw new RecordShapeException(type, null,
                $"{name} has neither a primary constructor nor a public parameterless one, so hdnr cannot build it: give it one of them");
        // A struct's parameterless constructor may be the default one, which has no ConstructorInfo; initobj builds it.
        return new RecordShape(type, settable, constructor, positional: false);
    }

    // Public instance fields and settable auto-properties, base type first, each in the order of the fields that hold
    // them, which is the order they are declared in.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "A script's types are loaded whole from its own assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above.")]
    private static List<RecordMember> Settable(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType) chain.Insert(0, t);
        var members = new List<RecordMember>();
        foreach (var declaring in chain)
        {
            var name = TypeNames.Of(declaring);
            var auto = new HashSet<string>(StringComparer.Ordinal);
            // A native executable has no metadata tokens: there the order matters to no one, its codecs come from its source.
            var fields = declaring.GetFields(Instance);
            foreach (var field in fields.All(f => f.HasMetadataToken()) ? fields.OrderBy(f => f.MetadataToken) : fields.AsEnumerable())
            {
                if (field.IsPublic)
                {
                    if (field.IsInitOnly)
                        throw new RecordShapeException(declaring, field.Name,
                            $"{name}.{field.Name} is a readonly field, which hdnr cannot set when it builds a {name}: drop readonly, or give {name} a primary constructor");
                    members.Add(new RecordMember(field.Name, field.FieldType, field));
                }
                else if (field.Name.StartsWith('<') && field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal))
                {
                    var property = declaring.GetProperty(field.Name[1..field.Name.IndexOf('>')], Instance);
                    if (property is { GetMethod.IsPublic: true, SetMethod.IsPublic: true })
                    {
                        auto.Add(property.Name);
                        members.Add(new RecordMember(property.Name, property.PropertyType, property));
                    }
                }
            }
            foreach (var property in declaring.GetProperties(Instance))
            {
                if (property is { GetMethod.IsPublic: true, SetMethod.IsPublic: true } && property.GetIndexParameters().Length == 0 && !auto.Contains(property.Name))
                    throw new RecordShapeException(declaring, property.Name,
                        $"{name}.{property.Name} is a settable property with a body, whose place among {name}'s members hdnr cannot tell: make it an auto-property or a field, or give {name} a primary constructor");
            }
        }
        return members;
    }
}
