using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Wire;

/// <summary>A map task knows from its environment, as Hadoop's PipeMapper knows from the job, whether its stdin holds the input format's key before each value, and what stands between them.</summary>
public sealed class TaskIoTests
{
    private static TaskIo Map(params (string Name, string Value)[] variables) =>
        TaskIo.FromEnvironment(TaskKind.Map, null, name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void The_map_input_key_is_written_for_every_input_format_but_text_unless_ignore_key_says_otherwise()
    {
        Assert.Null(Map().MapInputSeparator);
        Assert.Null(Map(("mapred_input_format_class", "org.apache.hadoop.mapred.TextInputFormat")).MapInputSeparator);
        Assert.Equal("\t"u8.ToArray(), Map(("mapred_input_format_class", "org.apache.hadoop.mapred.KeyValueTextInputFormat")).MapInputSeparator);
        Assert.Equal("\t"u8.ToArray(), Map(("mapred_input_format_class", "org.apache.hadoop.mapred.lib.NLineInputFormat")).MapInputSeparator);
        Assert.Null(Map(("mapred_input_format_class", "org.apache.hadoop.mapred.lib.NLineInputFormat"), ("stream_map_input_ignoreKey", " TRUE")).MapInputSeparator);
        Assert.Equal("::"u8.ToArray(), Map(("stream_map_input_ignoreKey", "false"), ("stream_map_input_field_separator", "::")).MapInputSeparator);
        // Configuration.getBoolean reads anything but true or false as the default.
        Assert.Null(Map(("stream_map_input_ignoreKey", "yes")).MapInputSeparator);
        Assert.Null(TaskIo.FromEnvironment(TaskKind.Reduce, null, name => name == "stream_map_input_ignoreKey" ? "false" : null).MapInputSeparator);
    }

    [Fact]
    public void A_keyed_map_stdin_is_cut_at_the_first_separator_and_a_line_without_one_is_all_key()
    {
        var reader = new TextRecordReader(new MemoryStream("0::a::b\nplain\n"u8.ToArray()), "::"u8.ToArray());

        Assert.True(reader.Next());
        Assert.Equal(("0", "a::b"), (Encoding.UTF8.GetString(reader.Key), Encoding.UTF8.GetString(reader.Value)));
        Assert.True(reader.Next());
        Assert.Equal(("plain", ""), (Encoding.UTF8.GetString(reader.Key), Encoding.UTF8.GetString(reader.Value)));
        Assert.False(reader.Next());
    }
}
