using System.Text;
using Hdnr.Formats.Shuffle;

namespace Hdnr.Formats.Tests.Shuffle;

/// <summary>KeyFieldBasedComparator and KeyFieldBasedPartitioner as Hadoop 2.8.5's own classes answer: every expected value here is what those classes returned for the same options and keys (hadoop classpath, a Java check).</summary>
public sealed class KeyFieldTests
{
    [Theory]
    [InlineData("-k2,2n", "x\t-1.5", "x\t-0", -1)]
    [InlineData("-k2,2n", "x\t-0", "x\t0.0", 0)]
    [InlineData("-k2,2n", "x\t007", "x\t7", -1)]
    [InlineData("-k2,2n", "x\t10", "x\t9", 1)]
    [InlineData("-k2,2n", "x\t2.50", "x\t2.5", 0)]
    [InlineData("-k2,2n", "x\tabc", "x\t0", 1)]
    [InlineData("-k2,2n", "x", "x\t0", -1)]
    [InlineData("-k2,2n", "x\t-10", "x\t-9.99", -1)]
    [InlineData("-k2,2n", "x\t.5", "x\t0.4", 1)]
    [InlineData("-k2,2n", "x\t1e3", "x\t2", -1)]
    [InlineData("-k2,2nr", "x\t1", "x\t2", 1)]
    [InlineData("-r", "b", "a", -1)]
    [InlineData("-k1.2,1.3", "ab1", "zb1", 0)]
    [InlineData("-k1.2,1.3 -k2,2nr", "ax1\t3", "zx1\t4", 1)]
    [InlineData("-n", "-5", "-40", 1)]
    [InlineData("-k2", "a\tb\tc", "a\tb\td", -1)]
    public void The_comparator_orders_keys_as_hadoops_key_field_based_comparator(string options, string x, string y, int expected)
    {
        var order = new KeyFieldOrder(KeyFieldOptions.Parse(options, "\t"));

        Assert.Equal(expected, Math.Sign(order.Compare(Encoding.UTF8.GetBytes(x), Encoding.UTF8.GetBytes(y))));
        Assert.Equal(-expected, Math.Sign(order.Compare(Encoding.UTF8.GetBytes(y), Encoding.UTF8.GetBytes(x))));
    }

    [Theory]
    [InlineData(null, "\t", "hello", 162025)]
    [InlineData("-k1,1", "\t", "a\tb", 97)]
    [InlineData("-k2,2", "\t", "a\tb", 98)]
    [InlineData("-k1,2", ".", "11.12.1.2", 757925)]
    [InlineData("-k1.2,1.3", "\t", "abcd", 3137)]
    [InlineData("-k3,3", "\t", "a\tb", 0)]
    [InlineData("-k1,1", "\t", "", 0)]
    [InlineData("-k2,2 -k1,1", "\t", "x\ty\tz", 3871)]
    [InlineData(null, "\t", "café", 45912)]
    public void The_partitioner_hashes_the_selected_bytes_as_hadoops_key_field_based_partitioner(string? options, string separator, string key, int expected)
    {
        var partitioner = new KeyFieldPartitioner(KeyFieldOptions.Parse(options, separator));

        Assert.Equal(expected, partitioner.Partition(Encoding.UTF8.GetBytes(key), 1000003));
    }

    [Fact]
    public void Global_n_and_r_apply_to_each_k_without_options_of_its_own()
    {
        var options = KeyFieldOptions.Parse("-r -k1,1 -k2.3n,3 -n", "\t");

        Assert.Equal([new KeyFieldSpec(1, 1, 1, 0, Numeric: true, Reverse: true), new KeyFieldSpec(2, 3, 3, 0, Numeric: true)], options.Specs);
    }

    [Theory]
    [InlineData("-kx")]
    [InlineData("-k1,2q")]
    [InlineData("-k1.")]
    public void A_k_hadoop_cannot_parse_is_refused(string options)
    {
        Assert.Throws<FormatException>(() => KeyFieldOptions.Parse(options, "\t"));
    }
}
