using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Tests.Support;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Jobs;

/// <summary>JobSteps reads a script's steps (Map, Reduce, ... then Map2, Reduce2, ...) from its metadata and checks that they fit together, without running it.</summary>
public sealed class JobStepsTests
{
    private const string TwoSteps = """
        IEnumerable<(string, int)> Map(long offset, string line) => line.Split(' ').Select(w => (w, 1));
        IEnumerable<(string, int)> Combine(string word, IEnumerable<int> counts) => [(word, counts.Sum())];
        IEnumerable<(string, (int, string))> Reduce(string word, IEnumerable<int> counts) => [("", (counts.Sum(), word))];
        [Reducers(1)]
        IEnumerable<(string, int)> Reduce2(string none, IEnumerable<(int, string)> counts) => [(counts.Max().Item2, counts.Max().Item1)];
        """;

    [Fact]
    public void A_one_step_script_is_one_step_as_today()
    {
        var steps = JobSteps.Of(Scripts.ScriptType("IEnumerable<(string, int)> Map(long o, string l) => [(l, 1)];"));

        var step = Assert.Single(steps);
        Assert.Equal([TaskKind.Map], step.Tasks);
        Assert.Null(step.Reducers);
    }

    [Fact]
    public void Numbered_functions_make_later_steps_with_their_declared_reducers_and_a_step_without_a_map_maps_by_identity()
    {
        var steps = JobSteps.Of(Scripts.ScriptType(TwoSteps));

        Assert.Equal([1, 2], steps.Select(s => s.Step));
        Assert.Equal([TaskKind.Map, TaskKind.Reduce, TaskKind.Combine], steps[0].Tasks);
        Assert.Null(steps[0].Reducers);
        Assert.Equal([TaskKind.Map, TaskKind.Reduce], steps[1].Tasks);
        Assert.True(steps[1].MapsByIdentity);
        Assert.Equal(1, steps[1].Reducers);
    }

    [Fact]
    public void Zero_reducers_are_refused_only_where_a_step_before_the_last_would_skip_the_reduce_the_next_step_reads()
    {
        var steps = JobSteps.Of(Scripts.ScriptType(TwoSteps));
        var declared = JobSteps.Of(Scripts.ScriptType(TwoSteps.Replace("IEnumerable<(string, (int, string))> Reduce(", "[Reducers(2)] IEnumerable<(string, (int, string))> Reduce(", StringComparison.Ordinal)));

        Assert.Equal("step 1 of 2 would run map-only, but step 2 takes its Reduce's output; give 1 reducer or more, or declare [Reducers(n)] on step 1",
            JobSteps.ReducersProblem(steps, 0));
        Assert.Null(JobSteps.ReducersProblem(steps, 1));
        Assert.Null(JobSteps.ReducersProblem(steps, null));
        // Step 1 declares its own, and the last step may run map-only as a one-step job does.
        Assert.Null(JobSteps.ReducersProblem(declared, 0));
    }

    [Fact]
    public void A_step_whose_output_types_are_not_the_next_steps_input_types_is_refused_naming_both_functions_and_types()
    {
        var error = Assert.Throws<JobShapeException>(() => JobSteps.Of(Scripts.ScriptType("""
            IEnumerable<(string, int)> Map(long offset, string line) => [(line, 1)];
            IEnumerable<(string, int)> Reduce(string word, IEnumerable<int> counts) => [(word, counts.Sum())];
            IEnumerable<(string, long)> Map2(string word, long count) => [(word, count)];
            """)));

        Assert.Equal("Map2", error.FunctionName);
        Assert.Equal("HDNR0003", error.Code);
        Assert.Equal("step 1's Reduce returns (string, int) pairs but step 2's Map2 takes (string, long); a step's output types are the next step's input types", error.Message);
    }

    [Fact]
    public void A_map_only_step_hands_its_maps_types_on_and_a_step_without_a_map_takes_them_in_its_reduce()
    {
        var error = Assert.Throws<JobShapeException>(() => JobSteps.Of(Scripts.ScriptType("""
            IEnumerable<(string, int)> Map(long offset, string line) => [(line, 1)];
            IEnumerable<(string, int)> Reduce2(string word, IEnumerable<double> counts) => [(word, counts.Count())];
            """)));

        Assert.Equal("step 1's Map returns (string, int) pairs but step 2's Reduce2 takes (string, double); a step's output types are the next step's input types", error.Message);
    }

    [Theory]
    [InlineData("IEnumerable<(string, int)> Map3(string w, int c) => [(w, c)];", "Map3",
        "Map3 belongs to step 3, but step 2 has no Map2 or Reduce2; number a job's steps 1, 2, 3, ... without a gap")]
    [InlineData("IEnumerable<(string, int)> Map1(string w, int c) => [(w, c)];", "Map1",
        "Map1 names no step: step 1's functions have no number (Map), step k's end with k from 2 on (Map2)")]
    [InlineData("IEnumerable<(string, int)> map2(string w, int c) => [(w, c)];", "map2",
        "map2 differs from Map2 only in case, so hdnr would never call it; name it Map2")]
    [InlineData("[Reducers(2)] IEnumerable<(string, int)> Map2(string w, int c) => [(w, c)]; [Reducers(3)] IEnumerable<(string, int)> Reduce2(string w, IEnumerable<int> c) => [(w, c.Sum())];", "Reduce2",
        "[Reducers(3)] on Reduce2 but [Reducers(2)] on Map2: declare a step's reducers once")]
    [InlineData("[Reducers(0)] IEnumerable<(string, int)> Map2(string w, int c) => [(w, c)];", "Map2",
        "[Reducers(0)] on Map2: a step runs 1 reducer or more; a step without a Reduce function is map-only")]
    [InlineData("[Reducers(3)] IEnumerable<(string, int)> Map2(string w, int c) => [(w, c)];", "Map2",
        "[Reducers(3)] on Map2, but step 2 has no Reduce2, so it is map-only; remove [Reducers] or add the Reduce")]
    [InlineData("[Reducers(3)] int Helper() => 1;", "Helper",
        "[Reducers(3)] on Helper, which is no step's function; put it on one of the step's Map, Reduce, Combine or their hooks")]
    [InlineData("[SortValues] IEnumerable<(string, int)> MapEnd() => [];", "MapEnd",
        "[SortValues] orders the values a Reduce gets; put it on a Reduce, not on MapEnd")]
    [InlineData("[SortValues] void MapStart() { }", "MapStart",
        "[SortValues] orders the values a Reduce gets; put it on a Reduce, not on MapStart")]
    public void Steps_that_do_not_fit_together_are_refused_at_the_function_that_breaks_them(string later, string function, string message)
    {
        var error = Assert.Throws<JobShapeException>(() => JobSteps.Of(Scripts.ScriptType(
            "IEnumerable<(string, int)> Map(long o, string l) => [(l, 1)];\n" + later)));

        Assert.Equal(function, error.FunctionName);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_later_steps_identity_map_passes_each_pair_on_typed_as_its_reduce_reads_it()
    {
        var job = ScriptJob.Create(Scripts.Compile(TwoSteps), new RecordingReporter(), TaskContext.OfProcess(TaskKind.Map), 2);
        var input = Encoding.UTF8.GetBytes("\t[3,\"the\"]\n\t[2,\"cat\"]\n");

        var output = Scripts.Run(job, TaskKind.Map, TaskIo.Text with { MapInputSeparator = [(byte)'\t'] }, input);

        Assert.Equal("\t[3,\"the\"]\n\t[2,\"cat\"]\n", Encoding.UTF8.GetString(output));
    }
}
