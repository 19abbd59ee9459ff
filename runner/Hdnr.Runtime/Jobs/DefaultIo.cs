using System.Diagnostics.CodeAnalysis;
using Hdnr.Runtime.Conversion;
using Hdnr.Runtime.Text;

namespace Hdnr.Runtime.Jobs;

/// <summary>The io a job runs with when <c>--io</c> is not given, chosen from the types its functions declare: text where every one has a lossless text form, else typedbytes.</summary>
/// <remarks>
/// Text is the fast path on a cluster: Hadoop's own Java typedbytes handling (the input and output writers, the
/// SequenceFile output) costs about 10 s per 100 MB of word count. Text carries a value losslessly only where the next
/// task reads back the same value (Text/README.md): strings (non-UTF-8 bytes by the surrogate escape), integers, bool,
/// doubles and floats in their round-trip form, their nullable forms, and JSON containers of numbers and bools. A JSON
/// string loses a byte that is not UTF-8 and an <c>object</c> element comes back as a plain value, so a container
/// holding either needs typedbytes, as do <c>byte[]</c>, <c>object</c> and the typedbytes types themselves. Only a map
/// that reads lines, <c>Map(long offset, string line)</c>, takes text input: any other input shape reads pairs, which
/// a job without Map (Hadoop's identity mapper) passes on as they are; a named input format says itself what a map reads.
/// </remarks>
public static class DefaultIo
{
    private static readonly HashSet<Type> Numbers =
        [typeof(long), typeof(int), typeof(short), typeof(sbyte), typeof(byte), typeof(double), typeof(float), typeof(bool)];

    /// <summary>Why the compiled script at <paramref name="assemblyPath"/> needs typedbytes, read from its types without running any of its code; null when text carries all.</summary>
    [RequiresUnreferencedCode("Loads a script compiled at run time.")]
    public static string? TypedBytesReason(string assemblyPath, IReadOnlyList<string> dependencyPaths, bool inputFormatNamed) =>
        TypedBytesReason(JobSteps.Of(ScriptAssemblyLoader.Load(assemblyPath, dependencyPaths).GetType("Script", throwOnError: true)!), inputFormatNamed);

    /// <summary>Why a job of several <paramref name="steps"/> needs typedbytes, or null when text carries all.</summary>
    /// <remarks>
    /// Only the job's own input and output take the job's io: step 1's map reads the input, the last step writes the
    /// output; every pair between tasks in between travels as typedbytes (<see cref="StepStreams"/>). A last step with a
    /// Combine keeps its shuffle in the job's io (a combiner's pairs go back among the map's), so its types count too.
    /// </remarks>
    public static string? TypedBytesReason(IReadOnlyList<JobShape> steps, bool inputFormatNamed)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 1) return TypedBytesReason(steps[0], inputFormatNamed);
        if (InputReason(steps[0], inputFormatNamed) is { } input) return input;
        var last = steps[^1];
        var writers = last.Reduce is null
            ? new[] { (JobShape.FunctionName("Map", last.Step), last.Map), (JobShape.FunctionName("MapEnd", last.Step), last.MapEnd) }
            : last.Combine is null
                ? [(JobShape.FunctionName("Reduce", last.Step), last.Reduce), (JobShape.FunctionName("ReduceEnd", last.Step), last.ReduceEnd)]
                : [(JobShape.FunctionName("Map", last.Step), last.Map), (JobShape.FunctionName("MapEnd", last.Step), last.MapEnd),
                   (JobShape.FunctionName("Combine", last.Step), last.Combine), (JobShape.FunctionName("CombineEnd", last.Step), last.CombineEnd),
                   (JobShape.FunctionName("Reduce", last.Step), last.Reduce), (JobShape.FunctionName("ReduceEnd", last.Step), last.ReduceEnd)];
        foreach (var (name, function) in writers)
        {
            if (function is null) continue;
            if (Lossy(function.OutKeyType, "returns keys", name) is { } outKey) return outKey;
            if (Lossy(function.OutValueType, "returns values", name) is { } outValue) return outValue;
        }
        return null;
    }

    /// <summary>Why a job of several steps refuses <c>stream.map.output</c> and <c>stream.reduce.input</c> where <see cref="StepStreams"/> makes them typedbytes: launch-local and launch say the same.</summary>
    public const string BetweenTasksReason =
        "a job of several steps hands the pairs between its tasks as typedbytes; stream.map.input and stream.reduce.output (or --io) name its input and output";

    /// <summary>The io of a step's four streams (map input, map output, reduce input, reduce output) in a job of <paramref name="count"/> steps whose own io is <paramref name="io"/>: the job's io where the step reads the job's input or writes its output, typedbytes for every pair between tasks, except the shuffle of a last step with a Combine, which keeps the job's io.</summary>
    public static T[] StepStreams<T>(JobShape step, int count, T io, T typedBytes)
    {
        ArgumentNullException.ThrowIfNull(step);
        var (first, last) = (step.Step == 1, step.Step == count);
        if (count == 1) return [io, io, io, io];
        var shuffle = last && (step.Combine is not null || step.Reduce is null) ? io : typedBytes;
        return [first ? io : typedBytes, shuffle, shuffle, last ? io : typedBytes];
    }

    /// <summary>Why the job needs typedbytes (the first function and declared type without a lossless text form, e.g. "Reduce returns values of type byte[]"), or null when text carries all.</summary>
    /// <param name="shape">The script's functions.</param>
    /// <param name="inputFormatNamed">Whether the user named the input format or record reader, which then says what a map reads, instead of TextInputFormat's lines.</param>
    public static string? TypedBytesReason(JobShape shape, bool inputFormatNamed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (InputReason(shape, inputFormatNamed) is { } input) return input;
        var map = shape.Map!;
        foreach (var (name, function) in new[] { ("Map", map), ("MapEnd", shape.MapEnd), ("Combine", shape.Combine), ("CombineEnd", shape.CombineEnd), ("Reduce", shape.Reduce), ("ReduceEnd", shape.ReduceEnd) })
        {
            if (function is null) continue;
            if (name is "Combine" or "Reduce" && Lossy(function.KeyType!, "takes keys", name) is { } inKey) return inKey;
            if (name is "Combine" or "Reduce" && Lossy(function.ValueType!, "takes values", name) is { } inValue) return inValue;
            if (Lossy(function.OutKeyType, "returns keys", name) is { } outKey) return outKey;
            if (Lossy(function.OutValueType, "returns values", name) is { } outValue) return outValue;
        }
        return null;
    }

    // What the job's input needs: only a map that reads lines, Map(long offset, string line), takes text, unless the user
    // named the input format; null when that is so.
    private static string? InputReason(JobShape first, bool inputFormatNamed)
    {
        if (first.Map is not { } map) return "the script has no Map, so its input reaches Reduce as the input format's pairs";
        return inputFormatNamed || (map.KeyType == typeof(long) && map.ValueType == typeof(string))
            ? null
            : $"Map takes ({TypeNames.Of(map.KeyType!)}, {TypeNames.Of(map.ValueType!)}), not the (long, string) of a line";
    }

    private static string? Lossy(Type type, string role, string function) =>
        LosslessText(type) ? null : $"{function} {role} of type {TypeNames.Of(type)}, which text would not carry losslessly";

    /// <summary>True for a type whose top-level text form reads back as the same value.</summary>
    private static bool LosslessText(Type type) =>
        type == typeof(string) || LosslessJson(type);

    /// <summary>True for a number, bool, their nullable forms, and containers of them: what JSON carries losslessly.</summary>
    private static bool LosslessJson(Type type)
    {
        if (Numbers.Contains(type)) return true;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Numbers.Contains(underlying);
        if (type.IsArray) return type.GetArrayRank() == 1 && type.GetElementType() != typeof(byte) && LosslessJson(type.GetElementType()!);
        // A script's record travels as the tuple of its members.
        if (RecordShape.IsScriptType(type)) return RecordShape.Of(type).Members.All(m => LosslessJson(m.Type));
        if (!type.IsGenericType) return false;
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (TextForm.ListShapes.Contains(definition) || TextForm.DictionaryShapes.Contains(definition)) return arguments.All(LosslessJson);
        return TextForm.IsValueTuple(type) && arguments.All(LosslessJson);
    }
}
