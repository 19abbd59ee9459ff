using System.Reflection;
using System.Text;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Jobs;

/// <summary>A script's <c>[SortValues]</c>: the fields its map output keys and values are written as, and the key field options that make Hadoop sort each key's values.</summary>
/// <param name="KeyKinds">One letter per key field: <c>n</c> for a number (Hadoop's <c>-n</c>), <c>s</c> for bytes.</param>
/// <param name="ValueKinds">One letter per value field, as <paramref name="KeyKinds"/>.</param>
/// <param name="Descending">Whether values come largest first.</param>
public sealed record ValueSort(string KeyKinds, string ValueKinds, bool Descending)
{
    private const string Sortable = "string, long, int, short, sbyte, byte or bool, or a tuple or a record of them";

    /// <summary>The number of fields a key is written as.</summary>
    public int KeyFields => KeyKinds.Length;

    /// <summary>The number of fields a value is written as.</summary>
    public int ValueFields => ValueKinds.Length;

    /// <summary>KeyFieldBasedPartitioner's options: the key's fields, so a key's values all go to one reducer.</summary>
    public string PartitionerOptions => $"-k1,{KeyFields}";

    /// <summary>KeyFieldBasedComparator's options: each key field, then each value field (reversed when descending).</summary>
    public string ComparatorOptions
    {
        get
        {
            var options = new StringBuilder();
            for (var i = 0; i < KeyKinds.Length + ValueKinds.Length; i++)
            {
                var number = i + 1;
                var numeric = (i < KeyKinds.Length ? KeyKinds[i] : ValueKinds[i - KeyKinds.Length]) == 'n';
                var reverse = i >= KeyKinds.Length && Descending;
                if (i > 0) options.Append(' ');
                options.Append("-k").Append(number).Append(',').Append(number);
                if (numeric) options.Append('n');
                if (reverse) options.Append('r');
            }
            return options.ToString();
        }
    }

    /// <summary>One line for the compile cache's manifest, e.g. <c>sn n descending</c>.</summary>
    public override string ToString() => $"{KeyKinds} {ValueKinds} {(Descending ? "descending" : "ascending")}";

    /// <summary>Reads <see cref="ToString"/>'s line back; null when it is not one.</summary>
    public static ValueSort? Parse(string text)
    {
        var parts = (text ?? "").Split(' ');
        if (parts.Length != 3 || !Kinds(parts[0]) || !Kinds(parts[1]) || parts[2] is not ("ascending" or "descending")) return null;
        return new ValueSort(parts[0], parts[1], parts[2] == "descending");
        static bool Kinds(string kinds) => kinds.Length > 0 && kinds.All(c => c is 'n' or 's');
    }

    /// <summary>The sort a script declares with <c>[SortValues]</c> on Reduce, checked against its functions; null when it declares none.</summary>
    /// <exception cref="JobShapeException">The declaration cannot be honoured.</exception>
    internal static ValueSort? Of(FunctionShape? map, FunctionShape? reduce, FunctionShape? combine, FunctionShape? mapEnd)
    {
        foreach (var other in new[] { map, combine })
        {
            if (other?.Method.GetCustomAttribute<SortValuesAttribute>() is not null)
                throw new JobShapeException(other.Method.Name, $"[SortValues] orders the values Reduce gets; put it on Reduce, not on {other.Method.Name}");
        }
        if (reduce?.Method.GetCustomAttribute<SortValuesAttribute>() is not { } declared) return null;
        if (combine is not null)
            throw new JobShapeException("Combine",
                "a [SortValues] Reduce cannot have a Combine: Hadoop keeps a combiner's output in the order it is written, so the values' order would not hold; remove Combine");
        var keyKinds = Kinds(reduce.KeyType!, "key");
        var valueKinds = Kinds(reduce.ValueType!, "values' element");
        foreach (var producer in new[] { map, mapEnd })
        {
            if (producer is not null && (producer.OutKeyType != reduce.KeyType || producer.OutValueType != reduce.ValueType))
                throw new JobShapeException(producer.Method.Name,
                    $"with [SortValues], {producer.Method.Name} must return Reduce's key and value types, ({TypeNames.Of(reduce.KeyType!)}, {TypeNames.Of(reduce.ValueType!)}); it returns ({TypeNames.Of(producer.OutKeyType)}, {TypeNames.Of(producer.OutValueType)})");
        }
        return new ValueSort(keyKinds, valueKinds, declared.Descending);

        static string Kinds(Type type, string role)
        {
            // A record is written as the tuple of its members, so it sorts as that tuple.
            if (RecordShape.IsScriptType(type))
                return string.Concat(RecordShape.Of(type).Members.Select(member => Kind(member.Type, role, type)));
            if (TextForm.IsValueTuple(type))
                return string.Concat(type.GetGenericArguments().Select(item => Kind(item, role, type)));
            return Kind(type, role, type).ToString();
        }

        static char Kind(Type item, string role, Type declaredType)
        {
            if (item == typeof(string) || item == typeof(bool)) return 's';
            if (item == typeof(long) || item == typeof(int) || item == typeof(short) || item == typeof(sbyte) || item == typeof(byte)) return 'n';
            var why = item == typeof(double) || item == typeof(float)
                ? $"{TypeNames.Of(item)} cannot be a sort field: Hadoop's -n reads no exponent, and a {TypeNames.Of(item)}'s text can have one (1E+16); declare long (e.g. in milliseconds or cents) or string"
                : $"{TypeNames.Of(item)} cannot be a sort field; use {Sortable}";
            throw new JobShapeException("Reduce", $"with [SortValues], Reduce's {role} type {TypeNames.Of(declaredType)} is written as sort fields: {why}");
        }
    }
}
