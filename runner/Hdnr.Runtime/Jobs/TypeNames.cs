using System.Text;

namespace Hdnr.Runtime.Jobs;

/// <summary>Spells a type the way a script author wrote it, so shape errors read like C#.</summary>
internal static class TypeNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string",
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte",
        [typeof(short)] = "short", [typeof(ushort)] = "ushort", [typeof(int)] = "int",
        [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
        [typeof(char)] = "char",
    };

    public static string Of(Type type)
    {
        var text = new StringBuilder();
        Append(text, type);
        return text.ToString();
    }

    private static void Append(StringBuilder text, Type type)
    {
        if (type.IsByRef)
        {
            text.Append("ref ");
            Append(text, type.GetElementType()!);
        }
        else if (Keywords.TryGetValue(type, out var keyword))
        {
            text.Append(keyword);
        }
        else if (type.IsArray)
        {
            Append(text, type.GetElementType()!);
            text.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
        }
        else if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Append(text, underlying);
            text.Append('?');
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition().FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
        {
            text.Append('(');
            var items = type.GetGenericArguments();
            for (var i = 0; i < items.Length; i++)
            {
                if (i > 0) text.Append(", ");
                Append(text, items[i]);
            }
            text.Append(')');
        }
        else if (type.IsGenericType)
        {
            var name = type.Name;
            var tick = name.IndexOf('`');
            text.Append(tick < 0 ? name : name[..tick]).Append('<');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0) text.Append(", ");
                Append(text, arguments[i]);
            }
            text.Append('>');
        }
        else
        {
            text.Append(type.Name);
        }
    }
}
