// The job: what launch-local runs, from the job's description to its result.
using Hdnr.Engine.Scheduling;
using Hdnr.Formats.Counters;
using Hdnr.Formats.Output;
using Hdnr.Runtime.Wire;

namespace Hdnr.Engine;

/// <summary>What every task of one running job shares.</summary>
internal sealed record JobContext(
    JobDescription Job,
    WireFormat Io,
    Settings.StreamIo Streams,
    Input.JobInput Input,
    TaskIds Ids,
    int Maps,
    int InputFiles,
    int Reducers,
    OutputCommitter Committer,
    ITaskLauncher Launcher,
    string LocalDirectory,
    JobCounters Counters,
    JobProgress Progress,
    CancellationToken Cancel);
