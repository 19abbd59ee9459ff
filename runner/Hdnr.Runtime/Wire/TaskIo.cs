namespace Hdnr.Runtime.Wire;

/// <summary>The wire format a task reads and the one it writes.</summary>
public sealed record TaskIo(WireFormat Input, WireFormat Output)
{
    /// <summary>Hadoop's TextInputFormat, the one input format whose key PipeMapper leaves out of a mapper's stdin by default.</summary>
    public const string TextInputFormat = "org.apache.hadoop.mapred.TextInputFormat";

    /// <summary>What stands between the key and the value on a text map's stdin when the input format's key is written there (<c>stream.map.input.ignoreKey</c> false); null when only values are written.</summary>
    public byte[]? MapInputSeparator { get; init; }

    // One array for the default, so TaskIo values compare equal when their separators are Hadoop's default; first, as
    // the static properties below use it.
    private static readonly byte[] Tab = [(byte)'\t'];

    /// <summary>Text in, text out: Hadoop streaming's default.</summary>
    public static TaskIo Text { get; } = new(WireFormat.Text, WireFormat.Text);

    /// <summary>Typedbytes in, typedbytes out: what <c>-io typedbytes</c> sets.</summary>
    public static TaskIo TypedBytes { get; } = new(WireFormat.TypedBytes, WireFormat.TypedBytes);

    /// <summary>How Hadoop cuts this task's text output into key and value, so how the task writes a pair: key, separator, value.</summary>
    public KeyFields OutputFields { get; init; } = KeyFields.Default;

    /// <summary>A reduce or combine task's text input: the fields of the map output keys it reads (<c>stream.map.output.field.separator</c>, <c>stream.num.map.output.key.fields</c>).</summary>
    public KeyFields InputFields { get; init; } = KeyFields.Default;

    /// <summary>What Hadoop writes between key and value on a reduce or combine task's stdin (<c>stream.reduce.input.field.separator</c>), as UTF-8.</summary>
    public ReadOnlyMemory<byte> InputSeparator { get; init; } = Tab;

    /// <summary>The script's <c>[SortValues]</c>, when its map output travels as sort fields: a map task writes them, a reduce task reads the first <see cref="Jobs.ValueSort.KeyFields"/> as its key.</summary>
    public Jobs.ValueSort? Sort { get; init; }

    /// <summary>The bytes a map task may hold to run the script's Combine over its own output before writing it (<see cref="Jobs.InMapperCombining.Setting"/>); 0 when it writes each pair as the script returns it.</summary>
    public long InMapperBytes { get; init; }

    /// <summary>Whether a reduce or combine task's text input is cut as Hadoop's default (first tab), the fast path.</summary>
    public bool DefaultInputSplit => InputFields.Count == 1 && InputSeparator.Span is [(byte)'\t'] && Sort is null;

    /// <summary>The formats Hadoop announced to this task through its environment, unless <paramref name="ioOverride"/> (<c>--io text|typedbytes</c>) names one for both sides.</summary>
    public static TaskIo FromEnvironment(Jobs.TaskKind kind, string? ioOverride) =>
        FromEnvironment(kind, ioOverride, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="FromEnvironment(Jobs.TaskKind, string?)"/>, reading variables through <paramref name="variable"/>.</summary>
    /// <remarks>
    /// Hadoop exports its job configuration to the task with dots turned into underscores: <c>stream_map_input</c>,
    /// <c>stream_map_output</c>, <c>stream_reduce_input</c>, <c>stream_reduce_output</c>. A combiner runs as
    /// Hadoop's PipeCombiner, a PipeReducer, which writes to it with the reduce input writer and reads it with the
    /// reduce output reader, so Combine follows the <c>stream_reduce_*</c> variables too. The separators and key
    /// field counts come from the same variables (<c>stream_map_output_field_separator</c>, ...), whatever the io.
    /// </remarks>
    public static TaskIo FromEnvironment(Jobs.TaskKind kind, string? ioOverride, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var side = kind == Jobs.TaskKind.Map ? "map" : "reduce";
        var both = string.IsNullOrEmpty(ioOverride) ? (WireFormat?)null : Parse(ioOverride, "--io");
        var mapFields = Fields(variable, "map");
        var io = new TaskIo(
            both ?? Parse(variable($"stream_{side}_input"), $"stream_{side}_input"),
            both ?? Parse(variable($"stream_{side}_output"), $"stream_{side}_output"))
        {
            OutputFields = kind == Jobs.TaskKind.Map ? mapFields : Fields(variable, "reduce"),
            InputFields = mapFields,
            InputSeparator = Separator(variable, "stream_reduce_input_field_separator"),
        };
        if (kind != Jobs.TaskKind.Map) return io;
        io = io with { InMapperBytes = (long)(InMapperMegabytes(variable) ?? 0) << 20 };
        return IgnoresKey(variable) ? io : io with { MapInputSeparator = MapInputFieldSeparator(variable) };
    }

    private static int? InMapperMegabytes(Func<string, string?> variable)
    {
        var value = variable(Jobs.TaskSettings.VariableName(Jobs.InMapperCombining.Setting));
        try
        {
            return Jobs.InMapperCombining.Megabytes(value);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{Jobs.InMapperCombining.Setting} is \"{value}\"; {e.Message}");
        }
    }

    private static KeyFields Fields(Func<string, string?> variable, string side)
    {
        var separator = Separator(variable, $"stream_{side}_output_field_separator");
        var name = $"stream_num_{side}_output_key_fields";
        var count = variable(name) is { } text
            ? int.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n : throw new ArgumentException($"{name} is \"{text}\"; expected a number")
            : 1;
        return separator is [(byte)'\t'] && count <= 1 ? KeyFields.Default : new KeyFields(separator, count);
    }

    // A separator is taken as given, not trimmed, as Hadoop's Configuration.get gives it.
    private static byte[] Separator(Func<string, string?> variable, string name) =>
        variable(name) is { } text && text != "\t" ? System.Text.Encoding.UTF8.GetBytes(text) : Tab;


    /// <summary>Whether Hadoop's PipeMapper leaves the input format's key out of a mapper's stdin: <c>stream.map.input.ignoreKey</c>, by default true only for TextInputFormat (<c>mapred.input.format.class</c>, which streaming always sets).</summary>
    public static bool IgnoresKey(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        // Configuration.getBoolean: "true" or "false" in any case, trimmed; anything else is the default.
        var ignoreKey = variable("stream_map_input_ignoreKey")?.Trim();
        if (string.Equals(ignoreKey, "true", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(ignoreKey, "false", StringComparison.OrdinalIgnoreCase)) return false;
        // A task without the variable (piped by hand) reads as TextInputFormat's, the default.
        var format = variable("mapred_input_format_class")?.Trim();
        return string.IsNullOrEmpty(format) || format == TextInputFormat;
    }

    /// <summary>PipeMapRed's <c>stream.map.input.field.separator</c> (a tab by default) as the UTF-8 bytes written between a key and its value.</summary>
    public static byte[] MapInputFieldSeparator(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return System.Text.Encoding.UTF8.GetBytes(variable("stream_map_input_field_separator") ?? "\t");
    }

    /// <summary>The identifier Hadoop Streaming's <c>-io</c> and <c>stream.*</c> settings give <paramref name="format"/>.</summary>
    public static string Name(WireFormat format) => format switch
    {
        WireFormat.TypedBytes => "typedbytes",
        WireFormat.RawBytes => "rawbytes",
        WireFormat.KeyOnlyText => "keyonlytext",
        _ => "text",
    };

    // IdentifierResolver.resolve compares ignoring case and takes anything it does not know for text; hdnr refuses a
    // value it does not know instead, which is most likely a typing mistake.
    private static WireFormat Parse(string? name, string source) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "text" => WireFormat.Text,
        "typedbytes" => WireFormat.TypedBytes,
        "rawbytes" => WireFormat.RawBytes,
        "keyonlytext" => WireFormat.KeyOnlyText,
        _ => throw new ArgumentException($"{source} is \"{name}\"; expected text, typedbytes, rawbytes or keyonlytext"),
    };
}
