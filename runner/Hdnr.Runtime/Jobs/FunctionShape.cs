using System.Reflection;

namespace Hdnr.Runtime.Jobs;

/// <summary>One script function's checked signature: its method, what it takes and the pairs it returns.</summary>
/// <param name="Method">The script's method.</param>
/// <param name="KeyType">The declared key type, or null for an *End function.</param>
/// <param name="ValueType">The declared value type (for Reduce and Combine, the element type of the values), or null for an *End function.</param>
/// <param name="PairType">The element type of the returned sequence: a <c>(K, V)</c> tuple or a <c>KeyValuePair&lt;K, V&gt;</c>.</param>
/// <param name="OutKeyType">The key type of the returned pairs.</param>
/// <param name="OutValueType">The value type of the returned pairs.</param>
internal sealed record FunctionShape(
    MethodInfo Method,
    Type? KeyType,
    Type? ValueType,
    Type PairType,
    Type OutKeyType,
    Type OutValueType)
{
    /// <summary>True when the pairs are <c>KeyValuePair&lt;K, V&gt;</c> rather than tuples.</summary>
    public bool PairsAreKeyValuePairs => PairType.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);
}
