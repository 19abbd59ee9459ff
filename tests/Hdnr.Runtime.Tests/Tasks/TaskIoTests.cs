using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Tasks;

/// <summary>Which wire format each side of a task uses: Hadoop's stream_* variables, or --io for both sides.</summary>
public sealed class TaskIoTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Without_variables_everything_is_text()
    {
        Assert.Equal(TaskIo.Text, TaskIo.FromEnvironment(TaskKind.Map, null, Env()));
        Assert.Equal(TaskIo.Text, TaskIo.FromEnvironment(TaskKind.Reduce, null, Env()));
    }

    [Fact]
    public void Map_reads_the_map_variables()
    {
        var env = Env(("stream_map_input", "typedbytes"), ("stream_map_output", "text"), ("stream_reduce_input", "text"));
        Assert.Equal(new TaskIo(WireFormat.TypedBytes, WireFormat.Text), TaskIo.FromEnvironment(TaskKind.Map, null, env));
    }

    [Fact]
    public void Reduce_reads_the_reduce_variables()
    {
        var env = Env(("stream_map_input", "typedbytes"), ("stream_reduce_input", "text"), ("stream_reduce_output", "typedbytes"));
        Assert.Equal(new TaskIo(WireFormat.Text, WireFormat.TypedBytes), TaskIo.FromEnvironment(TaskKind.Reduce, null, env));
    }

    [Fact]
    public void Combine_reads_the_reduce_variables_because_hadoops_PipeCombiner_is_a_PipeReducer()
    {
        var env = Env(("stream_map_output", "text"), ("stream_reduce_input", "typedbytes"), ("stream_reduce_output", "typedbytes"));
        Assert.Equal(TaskIo.TypedBytes, TaskIo.FromEnvironment(TaskKind.Combine, null, env));
    }

    [Theory]
    [InlineData(TaskKind.Map)]
    [InlineData(TaskKind.Reduce)]
    [InlineData(TaskKind.Combine)]
    public void The_io_option_sets_both_sides(TaskKind kind)
    {
        var env = Env(("stream_map_input", "text"), ("stream_reduce_output", "text"));
        Assert.Equal(TaskIo.TypedBytes, TaskIo.FromEnvironment(kind, "typedbytes", env));
        Assert.Equal(TaskIo.Text, TaskIo.FromEnvironment(kind, "text", Env(("stream_map_input", "typedbytes"))));
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_where_it_came_from()
    {
        var error = Assert.Throws<ArgumentException>(() => TaskIo.FromEnvironment(TaskKind.Map, null, Env(("stream_map_input", "json"))));
        Assert.Equal("stream_map_input is \"json\"; expected text or typedbytes", error.Message);
    }

    [Fact]
    public void Rawbytes_is_named_but_refused_when_a_task_runs()
    {
        var io = TaskIo.FromEnvironment(TaskKind.Map, "rawbytes", Env());
        Assert.Equal(new TaskIo(WireFormat.RawBytes, WireFormat.RawBytes), io);
        var job = Support.Scripts.Job("IEnumerable<(string, int)> Map(long o, string l) => [(l, 1)];");
        var error = Assert.Throws<NotSupportedException>(() => Support.Scripts.Run(job, TaskKind.Map, io, []));
        Assert.Equal("rawbytes io is not supported; use text or typedbytes", error.Message);
    }
}
