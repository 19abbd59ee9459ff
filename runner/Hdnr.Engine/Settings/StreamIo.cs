// Hadoop's job settings: which ones launch-local implements, and the refusal of the others.
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine.Settings;

/// <summary>The wire format of each of a streaming job's four streams (<c>stream.map.input</c>, <c>stream.map.output</c>, <c>stream.reduce.input</c>, <c>stream.reduce.output</c>), which need not be alike.</summary>
/// <remarks>
/// Hadoop's StreamJob resolves each setting for its own side: the map's stdin writer, the map's stdout reader and the map
/// output classes, the reduce's (and combiner's, PipeCombiner being a PipeReducer) stdin writer and stdout reader and the
/// job's output classes. launch-local carries a map's output to the reduce in the form the map wrote it, so it needs
/// <c>stream.reduce.input</c> to be <c>stream.map.output</c>; and a combiner's pairs go back among the map's, so with a
/// combiner <c>stream.reduce.output</c> must be <c>stream.map.output</c> too.
/// </remarks>
public sealed record StreamIo(WireFormat MapInput, WireFormat MapOutput, WireFormat ReduceInput, WireFormat ReduceOutput)
{
    /// <summary>The four settings' names, in the order of the record's members.</summary>
    public static readonly string[] Names = ["stream.map.input", "stream.map.output", "stream.reduce.input", "stream.reduce.output"];

    /// <summary>One format for every stream, as Hadoop's <c>-io</c> sets them.</summary>
    public static StreamIo All(WireFormat io) => new(io, io, io, io);

    /// <summary>The format of the job's part files: the reduce's output, or the map's in a map-only job.</summary>
    public WireFormat Output(int reducers) => reducers == 0 ? MapOutput : ReduceOutput;

    /// <summary>The settings that announce these formats to a task, as Hadoop's configuration holds them: none for text, Hadoop's default.</summary>
    public KeyValuePair<string, string>[] Settings() =>
        [.. new[] { MapInput, MapOutput, ReduceInput, ReduceOutput }
            .Select((format, i) => (format, name: Names[i]))
            .Where(s => s.format != WireFormat.Text)
            .Select(s => KeyValuePair.Create(s.name, TaskIo.Name(s.format)))];

    /// <summary>The streams of <paramref name="job"/>: <c>--io</c> for all four when given (it wins over <c>-D</c>, as <c>-io</c> does in StreamJob, so a <c>-D</c> that says otherwise is refused), else each <c>-D stream.*</c> setting, text for the others; <paramref name="detected"/> for all four when none is given.</summary>
    /// <exception cref="UnimplementedSettingException">A mix launch-local does not run.</exception>
    public static StreamIo Of(JobDescription job, WireFormat detected, int reducers)
    {
        var streams = Given(job, detected);
        if (reducers > 0 && streams.ReduceInput != streams.MapOutput)
            throw new UnimplementedSettingException($"-D stream.reduce.input={TaskIo.Name(streams.ReduceInput)}",
                $"launch-local hands a reducer the map's pairs as the map wrote them, so it needs stream.map.output ({TaskIo.Name(streams.MapOutput)}) there; launch passes it to Hadoop.");
        if (reducers > 0 && job.HasCombine && streams.ReduceOutput != streams.MapOutput)
            throw new UnimplementedSettingException($"-D stream.reduce.output={TaskIo.Name(streams.ReduceOutput)}",
                $"a combiner writes stream.reduce.output among the map's pairs, so with a Combine launch-local needs stream.map.output ({TaskIo.Name(streams.MapOutput)}) there; launch passes it to Hadoop.");
        return streams;
    }

    /// <summary>The formats <paramref name="job"/> asks for, as <see cref="Of"/> reads them, before the mixes launch-local refuses are checked.</summary>
    public static StreamIo Given(JobDescription job, WireFormat detected)
    {
        ArgumentNullException.ThrowIfNull(job);
        var formats = new WireFormat[4];
        // hdnr's guess from the inputs stands in for -io only when nothing names a stream; an unnamed one is then Hadoop's text.
        if (Names.Any(name => HadoopSettings.Find(job.Configuration, name) is not null)) detected = WireFormat.Text;
        for (var i = 0; i < 4; i++)
        {
            var given = HadoopSettings.Find(job.Configuration, Names[i]);
            var format = given is { } setting ? Parse(setting) : (WireFormat?)null;
            if (job.Io is { } io && format is { } other && other != io)
                throw new UnimplementedSettingException($"-D {given!.Value.Key}",
                    $"--io {TaskIo.Name(io)} sets all four stream.* io settings, as Hadoop's -io, which wins over -D; give one or the other.");
            formats[i] = job.Io ?? format ?? detected;
        }
        return new StreamIo(formats[0], formats[1], formats[2], formats[3]);
    }

    // IdentifierResolver's names, any case; hdnr refuses a name Hadoop would quietly read as text.
    private static WireFormat Parse(KeyValuePair<string, string> setting) => setting.Value.Trim().ToLowerInvariant() switch
    {
        "text" => WireFormat.Text,
        "typedbytes" => WireFormat.TypedBytes,
        "rawbytes" => WireFormat.RawBytes,
        "keyonlytext" => WireFormat.KeyOnlyText,
        _ => throw new SettingValueException($"-D {setting.Key} expects text, typedbytes, rawbytes or keyonlytext, got '{setting.Value}'."),
    };
}
