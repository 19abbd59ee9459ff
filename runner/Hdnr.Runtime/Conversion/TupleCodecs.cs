namespace Hdnr.Runtime.Conversion;

/// <summary>Makes the codec of a value tuple of one to seven items from its items' codecs; the same calls serve a job bound at run time and a frozen executable's source.</summary>
public static class TupleCodecs
{
    /// <summary>The codec of <c>ValueTuple</c> with 1 item.</summary>
    public static TupleCodec<ValueTuple<T1>> Of<T1>(Codec<T1> c1) => new(
        new TupleItem<ValueTuple<T1>, T1>(c1, (in ValueTuple<T1> t) => t.Item1, (ref ValueTuple<T1> t, T1 v) => t.Item1 = v));

    /// <summary>The codec of <c>ValueTuple</c> with 2 items.</summary>
    public static TupleCodec<ValueTuple<T1, T2>> Of<T1, T2>(Codec<T1> c1, Codec<T2> c2) => new(
        new TupleItem<ValueTuple<T1, T2>, T1>(c1, (in ValueTuple<T1, T2> t) => t.Item1, (ref ValueTuple<T1, T2> t, T1 v) => t.Item1 = v),
        new TupleItem<ValueTuple<T1, T2>, T2>(c2, (in ValueTuple<T1, T2> t) => t.Item2, (ref ValueTuple<T1, T2> t, T2 v) => t.Item2 = v));

    /// <summary>The codec of <c>ValueTuple</c> with 3 items.</summary>
    public static TupleCodec<ValueTuple<T1, T2, T3>> Of<T1, T2, T3>(Codec<T1> c1, Codec<T2> c2, Codec<T3> c3) => new(
        new TupleItem<ValueTuple<T1, T2, T3>, T1>(c1, (in ValueTuple<T1, T2, T3> t) => t.Item1, (ref ValueTuple<T1, T2, T3> t, T1 v) => t.Item1 = v),
        new TupleItem<ValueTuple<T1, T2, T3>, T2>(c2, (in ValueTuple<T1, T2, T3> t) => t.Item2, (ref ValueTuple<T1, T2, T3> t, T2 v) => t.Item2 = v),
        new TupleItem<ValueTuple<T1, T2, T3>, T3>(c3, (in ValueTuple<T1, T2, T3> t) => t.Item3, (ref ValueTuple<T1, T2, T3> t, T3 v) => t.Item3 = v));

    /// <summary>The codec of <c>ValueTuple</c> with 4 items.</summary>
    public static TupleCodec<ValueTuple<T1, T2, T3, T4>> Of<T1, T2, T3, T4>(Codec<T1> c1, Codec<T2> c2, Codec<T3> c3, Codec<T4> c4) => new(
        new TupleItem<ValueTuple<T1, T2, T3, T4>, T1>(c1, (in ValueTuple<T1, T2, T3, T4> t) => t.Item1, (ref ValueTuple<T1, T2, T3, T4> t, T1 v) => t.Item1 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4>, T2>(c2, (in ValueTuple<T1, T2, T3, T4> t) => t.Item2, (ref ValueTuple<T1, T2, T3, T4> t, T2 v) => t.Item2 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4>, T3>(c3, (in ValueTuple<T1, T2, T3, T4> t) => t.Item3, (ref ValueTuple<T1, T2, T3, T4> t, T3 v) => t.Item3 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4>, T4>(c4, (in ValueTuple<T1, T2, T3, T4> t) => t.Item4, (ref ValueTuple<T1, T2, T3, T4> t, T4 v) => t.Item4 = v));

    /// <summary>The codec of <c>ValueTuple</c> with 5 items.</summary>
    public static TupleCodec<ValueTuple<T1, T2, T3, T4, T5>> Of<T1, T2, T3, T4, T5>(Codec<T1> c1, Codec<T2> c2, Codec<T3> c3, Codec<T4> c4, Codec<T5> c5) => new(
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5>, T1>(c1, (in ValueTuple<T1, T2, T3, T4, T5> t) => t.Item1, (ref ValueTuple<T1, T2, T3, T4, T5> t, T1 v) => t.Item1 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5>, T2>(c2, (in ValueTuple<T1, T2, T3, T4, T5> t) => t.Item2, (ref ValueTuple<T1, T2, T3, T4, T5> t, T2 v) => t.Item2 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5>, T3>(c3, (in ValueTuple<T1, T2, T3, T4, T5> t) => t.Item3, (ref ValueTuple<T1, T2, T3, T4, T5> t, T3 v) => t.Item3 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5>, T4>(c4, (in ValueTuple<T1, T2, T3, T4, T5> t) => t.Item4, (ref ValueTuple<T1, T2, T3, T4, T5> t, T4 v) => t.Item4 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5>, T5>(c5, (in ValueTuple<T1, T2, T3, T4, T5> t) => t.Item5, (ref ValueTuple<T1, T2, T3, T4, T5> t, T5 v) => t.Item5 = v));

    /// <summary>The codec of <c>ValueTuple</c> with 6 items.</summary>
    public static TupleCodec<ValueTuple<T1, T2, T3, T4, T5, T6>> Of<T1, T2, T3, T4, T5, T6>(Codec<T1> c1, Codec<T2> c2, Codec<T3> c3, Codec<T4> c4, Codec<T5> c5, Codec<T6> c6) => new(
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6>, T1>(c1, (in ValueTuple<T1, T2, T3, T4, T5, T6> t) => t.Item1, (ref ValueTuple<T1, T2, T3, T4, T5, T6> t, T1 v) => t.Item1 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6>, T2>(c2, (in ValueTuple<T1, T2, T3, T4, T5, T6> t) => t.Item2, (ref ValueTuple<T1, T2, T3, T4, T5, T6> t, T2 v) => t.Item2 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6>, T3>(c3, (in ValueTuple<T1, T2, T3, T4, T5, T6> t) => t.Item3, (ref ValueTuple<T1, T2, T3, T4, T5, T6> t, T3 v) => t.Item3 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6>, T4>(c4, (in ValueTuple<T1, T2, T3, T4, T5, T6> t) => t.Item4, (ref ValueTuple<T1, T2, T3, T4, T5, T6> t, T4 v) => t.Item4 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6>, T5>(c5, (in ValueTuple<T1, T2, T3, T4, T5, T6> t) => t.Item5, (ref ValueTuple<T1, T2, T3, T4, T5, T6> t, T5 v) => t.Item5 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6>, T6>(c6, (in ValueTuple<T1, T2, T3, T4, T5, T6> t) => t.Item6, (ref ValueTuple<T1, T2, T3, T4, T5, T6> t, T6 v) => t.Item6 = v));

    /// <summary>The codec of <c>ValueTuple</c> with 7 items.</summary>
    public static TupleCodec<ValueTuple<T1, T2, T3, T4, T5, T6, T7>> Of<T1, T2, T3, T4, T5, T6, T7>(Codec<T1> c1, Codec<T2> c2, Codec<T3> c3, Codec<T4> c4, Codec<T5> c5, Codec<T6> c6, Codec<T7> c7) => new(
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6, T7>, T1>(c1, (in ValueTuple<T1, T2, T3, T4, T5, T6, T7> t) => t.Item1, (ref ValueTuple<T1, T2, T3, T4, T5, T6, T7> t, T1 v) => t.Item1 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6, T7>, T2>(c2, (in ValueTuple<T1, T2, T3, T4, T5, T6, T7> t) => t.Item2, (ref ValueTuple<T1, T2, T3, T4, T5, T6, T7> t, T2 v) => t.Item2 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6, T7>, T3>(c3, (in ValueTuple<T1, T2, T3, T4, T5, T6, T7> t) => t.Item3, (ref ValueTuple<T1, T2, T3, T4, T5, T6, T7> t, T3 v) => t.Item3 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6, T7>, T4>(c4, (in ValueTuple<T1, T2, T3, T4, T5, T6, T7> t) => t.Item4, (ref ValueTuple<T1, T2, T3, T4, T5, T6, T7> t, T4 v) => t.Item4 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6, T7>, T5>(c5, (in ValueTuple<T1, T2, T3, T4, T5, T6, T7> t) => t.Item5, (ref ValueTuple<T1, T2, T3, T4, T5, T6, T7> t, T5 v) => t.Item5 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6, T7>, T6>(c6, (in ValueTuple<T1, T2, T3, T4, T5, T6, T7> t) => t.Item6, (ref ValueTuple<T1, T2, T3, T4, T5, T6, T7> t, T6 v) => t.Item6 = v),
        new TupleItem<ValueTuple<T1, T2, T3, T4, T5, T6, T7>, T7>(c7, (in ValueTuple<T1, T2, T3, T4, T5, T6, T7> t) => t.Item7, (ref ValueTuple<T1, T2, T3, T4, T5, T6, T7> t, T7 v) => t.Item7 = v));
}
