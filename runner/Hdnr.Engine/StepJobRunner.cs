// The job: what launch-local runs, from the job's description to its result.
using Hdnr.Engine.Output;
using Hdnr.Engine.Scheduling;
using Hdnr.Engine.Scratch;
using Hdnr.Engine.Settings;
using Hdnr.Formats.Input;
using Hdnr.Formats.Output;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine;

/// <summary>Runs a job of several steps as one job per step through <see cref="LocalJobRunner"/>: each step's pairs go to the next in typedbytes SequenceFiles in the job's private scratch, and only the last step commits to OUTPUT.</summary>
/// <remarks>
/// Step 1 reads the job's inputs with the map input format the user asked for; the last step writes what the user asked
/// for (<c>--io</c>, <c>-D stream.*</c>, <c>--outputformat</c>, compression); every pair between tasks in between travels
/// as typedbytes (<see cref="DefaultIo.StepStreams"/>). A step reads the previous step's part files as Hadoop's
/// SequenceFileInputFormat gives them to a <c>-io typedbytes</c> mapper, so each value keeps the type it was written with.
/// </remarks>
public static class StepJobRunner
{
    /// <summary>Runs every step of <paramref name="steps"/> for <paramref name="job"/>, each through <paramref name="runStep"/> (which gets the step, its name and the run to call with a progress of its own); returns each step's result.</summary>
    /// <exception cref="JobFailedException">A step's task failed on every attempt; the message names the step. Nothing was committed to OUTPUT.</exception>
    public static IReadOnlyList<JobResult> Run(JobDescription job, IReadOnlyList<JobShape> steps, TextWriter log,
        Func<JobShape, string, Func<JobProgress?, JobResult>, JobResult> runStep, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(runStep);
        if (steps.Count == 1) return [runStep(steps[0], "", progress => LocalJobRunner.Run(job with { Shape = steps[0] }, log, progress, cancel))];

        // What the user's job is, checked before the first step as the one-step job checks it: an OUTPUT that exists, an
        // input that does not, an --overwrite that would delete an input.
        HadoopSettings.RefuseUnimplemented(job.Configuration, []);
        if (JobSteps.ReducersProblem(steps, job.Reducers) is { } reducers)
            throw new UnimplementedSettingException("0 reducers (--reducers 0 or -D mapreduce.job.reduces=0)", reducers + ".");
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(job.Output));
        using var scratch = ScratchDirectory.Create(TaskIds.NewJob().JobId, log);
        new OutputCommitter(output, log).CheckOutputSpecs(job.Overwrite);
        var files = InputPaths.Expand(job.Inputs, LocalJobRunner.Recursive(job));
        OverwriteGuard.Check(output, job, files);
        var asked = StreamIo.Given(job, LocalJobRunner.DetectedIo(job, files));

        var results = new List<JobResult>();
        string? previous = null;
        foreach (var step in steps)
        {
            cancel.ThrowIfCancellationRequested();
            var first = step.Step == 1;
            var last = step.Step == steps.Count;
            var between = Path.Combine(scratch.Path, $"step-{step.Step}");
            // The job's io where the step reads the job's input or writes its output; typedbytes between tasks.
            var own = DefaultIo.StepStreams(step, steps.Count, true, false);
            if (!own[1] && StreamIo.Names[1..3].FirstOrDefault(n => HadoopSettings.Find(job.Configuration, n) is not null) is { } named)
                throw new UnimplementedSettingException($"-D {named}", DefaultIo.BetweenTasksReason + ".");
            var streams = new StreamIo(
                own[0] ? asked.MapInput : WireFormat.TypedBytes,
                own[1] ? asked.MapOutput : WireFormat.TypedBytes,
                own[2] ? asked.ReduceInput : WireFormat.TypedBytes,
                own[3] ? asked.ReduceOutput : WireFormat.TypedBytes);
            var stepJob = job with
            {
                Step = step.Step,
                Shape = step,
                HasReduce = step.Defines(TaskKind.Reduce),
                HasCombine = step.Defines(TaskKind.Combine),
                Reducers = step.Reducers ?? job.Reducers,
                Inputs = first ? job.Inputs : [previous!],
                Output = last ? job.Output : between,
                Overwrite = last && job.Overwrite,
                Io = null,
                InputFormat = first ? job.InputFormat : InputFormatClass.SequenceFile,
                PartFormat = last ? job.PartFormat : PartFileFormat.Text,
                Configuration = [.. job.Configuration.Where(s => !StreamIo.Names.Contains(s.Key)), .. StreamSettings(streams)],
            };
            var name = Name(step, steps.Count);
            try
            {
                results.Add(runStep(step, name, progress => LocalJobRunner.Run(stepJob, log, progress, cancel)));
            }
            catch (JobFailedException e)
            {
                throw e.InStep(Name(step, steps.Count, e.TaskId));
            }
            previous = between;
        }
        return results;
    }

    /// <summary>How messages name a step: <c>step 2 of 3 (Map2, Reduce2)</c>, or with <paramref name="taskId"/> the function whose task failed.</summary>
    public static string Name(JobShape step, int count, string? taskId = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        string Function(TaskKind kind) => step.MapsByIdentity && kind == TaskKind.Map
            ? $"identity {JobShape.FunctionName("Map", step.Step)}"
            : JobShape.FunctionName(kind.ToString(), step.Step);
        var functions = taskId is null
            ? string.Join(", ", step.Tasks.Select(Function))
            : Function(taskId.Contains("_r_", StringComparison.Ordinal) ? TaskKind.Reduce : TaskKind.Map);
        return $"step {step.Step} of {count} ({functions})";
    }

    // Every stream named, text too, so no setting of the user's own decides an intermediate step's formats.
    private static IEnumerable<KeyValuePair<string, string>> StreamSettings(StreamIo streams) =>
        new[] { streams.MapInput, streams.MapOutput, streams.ReduceInput, streams.ReduceOutput }
            .Select((format, i) => KeyValuePair.Create(StreamIo.Names[i], TaskIo.Name(format)));
}
