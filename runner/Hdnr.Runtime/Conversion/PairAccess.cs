namespace Hdnr.Runtime.Conversion;

/// <summary>Takes the key and value out of a returned pair without boxing, whichever pair type the script chose.</summary>
internal interface IPairAccess<TPair, TKey, TValue>
{
    static abstract TKey Key(in TPair pair);

    static abstract TValue Value(in TPair pair);
}

/// <summary>Pairs returned as <c>(K, V)</c> tuples.</summary>
internal readonly struct TupleAccess<TKey, TValue> : IPairAccess<(TKey, TValue), TKey, TValue>
{
    public static TKey Key(in (TKey, TValue) pair) => pair.Item1;

    public static TValue Value(in (TKey, TValue) pair) => pair.Item2;
}

/// <summary>Pairs returned as <c>KeyValuePair&lt;K, V&gt;</c>.</summary>
internal readonly struct KeyValueAccess<TKey, TValue> : IPairAccess<KeyValuePair<TKey, TValue>, TKey, TValue>
{
    public static TKey Key(in KeyValuePair<TKey, TValue> pair) => pair.Key;

    public static TValue Value(in KeyValuePair<TKey, TValue> pair) => pair.Value;
}
