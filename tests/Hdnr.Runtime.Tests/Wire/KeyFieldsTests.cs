using System.Text;
using Hdnr.Runtime.Wire;

namespace Hdnr.Runtime.Tests.Wire;

/// <summary>Where a line is cut into key and value: Hadoop's TextOutputReader for what a task writes, and its inverse for what a reduce task reads.</summary>
public sealed class KeyFieldsTests
{
    private static readonly KeyFields TwoDotted = new("."u8.ToArray(), 2);

    [Theory]
    [InlineData("a.b.c.d", 3)]
    [InlineData("a.b", -1)]
    [InlineData("a", -1)]
    [InlineData(".b.c", 2)]
    public void The_key_ends_before_the_nth_separator_and_a_line_with_fewer_is_all_key(string line, int expected)
    {
        Assert.Equal(expected, TwoDotted.KeyEnd(Encoding.UTF8.GetBytes(line)));
    }

    [Theory]
    [InlineData("a.b\tc\td", 3)]   // the key's two fields, then the input separator
    [InlineData("a\t", 1)]         // a map output line with fewer fields: its value was empty
    [InlineData("a.b\tc.d", 3)]
    [InlineData("x\ty.z\t", 5)]    // a key holding the input separator before its fields' separator
    public void A_reduce_input_line_is_cut_after_the_map_output_keys_fields(string line, int expected)
    {
        Assert.Equal(expected, TwoDotted.KeyEnd(Encoding.UTF8.GetBytes(line), "\t"u8));
    }

    [Fact]
    public void A_task_reads_its_separators_and_key_field_counts_from_the_variables_hadoop_exports()
    {
        var variables = new Dictionary<string, string>
        {
            ["stream_map_output_field_separator"] = ".", ["stream_num_map_output_key_fields"] = "4",
            ["stream_reduce_input_field_separator"] = ":", ["stream_reduce_output_field_separator"] = "|",
        };

        var map = TaskIo.FromEnvironment(Hdnr.Runtime.Jobs.TaskKind.Map, null, variables.GetValueOrDefault);
        var combine = TaskIo.FromEnvironment(Hdnr.Runtime.Jobs.TaskKind.Combine, null, variables.GetValueOrDefault);

        Assert.Equal((".", 4), (Encoding.UTF8.GetString(map.OutputFields.Separator), map.OutputFields.Count));
        // A combiner is Hadoop's PipeReducer: reduce input separator in, reduce output fields out.
        Assert.Equal(("|", 1), (Encoding.UTF8.GetString(combine.OutputFields.Separator), combine.OutputFields.Count));
        Assert.Equal((".", 4, ":"), (Encoding.UTF8.GetString(combine.InputFields.Separator), combine.InputFields.Count, Encoding.UTF8.GetString(combine.InputSeparator.Span)));
    }
}
