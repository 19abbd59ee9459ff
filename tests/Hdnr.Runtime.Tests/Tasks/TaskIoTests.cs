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
        Assert.Equal("stream_map_input is \"json\"; expected text, typedbytes, rawbytes or keyonlytext", error.Message);
    }

    [Fact]
    public void Rawbytes_map_gets_the_key_and_value_bytes_and_writes_each_text_form_after_a_big_endian_length()
    {
        var io = TaskIo.FromEnvironment(TaskKind.Map, null, Env(("stream_map_input", "RawBytes"), ("stream_map_output", "rawbytes")));
        Assert.Equal(new TaskIo(WireFormat.RawBytes, WireFormat.RawBytes), io);
        var job = Support.Scripts.Job("IEnumerable<(string, long)> Map(byte[] k, string v) => [(Convert.ToHexString(k), v.Length)];");

        // What Hadoop's RawBytesInputWriter writes for TextInputFormat's LongWritable 7 and Text "hi": 8 bytes, then a vint length and the bytes.
        var output = Support.Scripts.Run(job, TaskKind.Map, io, [0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 3, 2, (byte)'h', (byte)'i']);

        Assert.Equal([0, 0, 0, 16, .. "0000000000000007"u8, 0, 0, 0, 1, (byte)'3'], output);
    }

    [Fact]
    public void Rawbytes_input_cut_inside_a_record_is_an_error_naming_the_record_and_offset()
    {
        var job = Support.Scripts.Job("IEnumerable<(string, string)> Map(string k, string v) => [(k, v)];");

        var error = Assert.Throws<InvalidDataException>(() => Support.Scripts.Run(job, TaskKind.Map, new TaskIo(WireFormat.RawBytes, WireFormat.RawBytes),
            [0, 0, 0, 1, (byte)'a', 0, 0, 0, 1, (byte)'b', 0, 0, 0, 5, (byte)'c']));

        Assert.Equal("rawbytes input: the input ends inside the key of record 2, which starts at byte offset 10", error.Message);
    }

    [Fact]
    public void Keyonlytext_gives_each_line_as_the_key_and_writes_a_pair_with_an_empty_value_as_its_key_alone()
    {
        var io = TaskIo.FromEnvironment(TaskKind.Reduce, "keyonlytext", Env());
        var job = Support.Scripts.Job("""
            IEnumerable<(string, string)> Map(long k, string v) => [(k.ToString(), v)];
            IEnumerable<(string, string)> Reduce(string k, IEnumerable<string> vs) => [(k, ""), (k + "!", "x")];
            """);

        Assert.Equal("12\n", System.Text.Encoding.UTF8.GetString(Support.Scripts.Run(job, TaskKind.Map, io, "12\n"u8.ToArray())));
        Assert.Equal("a\tb\na\tb!\tx\n", System.Text.Encoding.UTF8.GetString(Support.Scripts.Run(job, TaskKind.Reduce, io, "a\tb\n"u8.ToArray())));
    }
}
