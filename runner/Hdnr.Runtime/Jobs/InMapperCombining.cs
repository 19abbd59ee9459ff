using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Jobs;

/// <summary>When a map task runs the script's Combine over its own output before writing it (in-mapper combining), and how much memory it may hold for it.</summary>
/// <remarks>
/// Hadoop collects, sorts and spills every pair a mapper writes before its combiner sees any: a word count's 17 M pairs
/// per 100 MB cost a cluster's map tasks more than the script itself. Combining inside the map process first hands
/// Hadoop one pair per key and buffer instead. Hadoop's contract allows it: a combiner may run any number of times over
/// any part of a key's values, so the job's result is the same; Hadoop's own combiner still runs on every spill. The
/// map task groups by the typed key, so only key types whose equal values always write equal bytes take part (a
/// finer grouping than Hadoop's would still be correct, a coarser one would not), and only where the script's key is
/// Hadoop's key: not with key fields or <c>[SortValues]</c>, which cut Hadoop's key out of the written line.
/// </remarks>
public static class InMapperCombining
{
    /// <summary>The job setting that holds the MiB a map task may buffer for it; 0 turns it off, and a map task run without it (<c>hdnr SCRIPT map</c> by hand) does not combine.</summary>
    public const string Setting = "hdnr.map.combine.mb";

    /// <summary>The MiB launch-local, launch and launch-frozen give a map task when the job allows it and the user sets none.</summary>
    public const int DefaultMegabytes = 32;

    private static readonly HashSet<Type> ExactKeys =
        [typeof(string), typeof(long), typeof(int), typeof(short), typeof(sbyte), typeof(byte), typeof(bool)];

    /// <summary>The setting a launcher adds to step <paramref name="step"/>'s job: the default, when the job allows in-mapper combining and the user set nothing; else null.</summary>
    /// <param name="step">The step's functions.</param>
    /// <param name="variable">A job setting as its map task will see it, by its variable's name (<c>hdnr_map_combine_mb</c>, <c>stream_map_output</c>, ...): the last one given, or null.</param>
    /// <param name="reduces">Whether the job runs reduce tasks (a job with no reducers runs no combiner).</param>
    /// <exception cref="ArgumentException">The user's setting is refused (not a number of MiB, or positive on a job that cannot have it), or the map task could not read its io; the message is the one line that says so.</exception>
    public static KeyValuePair<string, string>? For(JobShape step, Func<string, string?> variable, bool reduces)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(variable);
        var asked = variable(TaskSettings.VariableName(Setting));
        int? megabytes;
        try
        {
            megabytes = Megabytes(asked);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"-D {Setting}={asked}: {e.Message}");
        }
        // Read whether or not it is needed: a setting the map task could not read is refused before the job starts.
        var mapTask = TaskIo.FromEnvironment(TaskKind.Map, null, variable);
        var reason = reduces ? Reason(step, mapTask) : "the job has no reduce tasks, so Hadoop runs no combiner";
        if (megabytes is > 0 && reason is not null)
            throw new ArgumentException($"-D {Setting}={asked}: its map tasks cannot run Combine over their own output: {reason}; leave the setting out");
        return megabytes is null && reason is null
            ? new(Setting, DefaultMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>The MiB a <see cref="Setting"/> value asks for: null when absent.</summary>
    /// <exception cref="ArgumentException">Not a whole number from 0 to 2047.</exception>
    public static int? Megabytes(string? value) =>
        value is null ? null
            : int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mb) && mb <= 2047
                ? mb
                : throw new ArgumentException("expected a number of MiB from 0 to 2047");

    /// <summary>Why step <paramref name="step"/>'s map tasks, writing as <paramref name="mapTask"/> says, cannot combine their own output, or null when they can.</summary>
    public static string? Reason(JobShape step, TaskIo mapTask)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(mapTask);
        if (Reason(step) is { } types) return types;
        if (mapTask.Output is not (WireFormat.Text or WireFormat.TypedBytes)) return $"its map output travels as {TaskIo.Name(mapTask.Output)}";
        // A typedbytes key is a whole value; a text line's key is cut where the key fields say.
        if (mapTask.Output == WireFormat.Text && !mapTask.OutputFields.IsDefault)
            return "its map output is cut into key fields, so Hadoop's key is not the script's";
        return null;
    }

    /// <summary>Why the functions of <paramref name="step"/> do not allow it, or null when they do.</summary>
    public static string? Reason(JobShape step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var combine = JobShape.FunctionName("Combine", step.Step);
        if (step.Combine is not { } function || step.Reduce is null) return $"the job runs no {combine}";
        if (step.Sort is not null) return "its Reduce is [SortValues]";
        if (step.Start(TaskKind.Combine) is not null || step.CombineEnd is not null)
            return $"the script has a {JobShape.FunctionName("CombineStart", step.Step)} or {JobShape.FunctionName("CombineEnd", step.Step)}, which run once per combine task";
        var (key, value) = step.Map is { } map ? (map.OutKeyType, map.OutValueType) : step.InputTypes!.Value;
        if (function.KeyType != key || function.ValueType != value || function.OutKeyType != key || function.OutValueType != value)
            return $"{combine} does not take and return the pairs the map writes";
        if (KeyReason(key) is { } keyReason) return keyReason;
        return ValueReason(value);
    }

    /// <summary>Why equal keys of <paramref name="type"/> could write different bytes (doubles: 0.0 and -0.0; containers: compared by reference), or null for strings, integers, bools and tuples of them.</summary>
    internal static string? KeyReason(Type type) =>
        ExactKey(type) ? null : $"its keys are {TypeNames.Of(type)}, whose equal values may not write equal bytes";

    /// <summary>Why the buffer cannot measure values of <paramref name="type"/>, or null for strings and values without references (numbers, bools, tuples of them).</summary>
    internal static string? ValueReason(Type type) =>
        type == typeof(string) || type.IsPrimitive || PlainTuple(type)
            ? null
            : $"its values are {TypeNames.Of(type)}, whose size the map task cannot count";

    private static bool ExactKey(Type type) =>
        ExactKeys.Contains(type) || (IsValueTuple(type) && type.GetGenericArguments().All(ExactKey));

    // A tuple of numbers and bools holds no reference: its size is its own.
    private static bool PlainTuple(Type type) =>
        IsValueTuple(type) && type.GetGenericArguments().All(t => t.IsPrimitive || PlainTuple(t));

    private static bool IsValueTuple(Type type) =>
        type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true;

}
