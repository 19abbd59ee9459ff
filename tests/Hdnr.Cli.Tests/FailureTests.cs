namespace Hdnr.Cli.Tests;

/// <summary>What a user sees when the script is wrong: one clear message naming their file, and a non-zero exit.</summary>
public sealed class FailureTests
{
    [Fact]
    public void A_compiler_error_names_the_users_file_line_and_column_and_exits_2()
    {
        var script = TempScript.Write("""
            /// Broken.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                var n = 1
                yield return (line, n);
            }
            """);

        var result = Hdnr.Run(["job.csx", "map"], "x\n", workingDirectory: script.Directory);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("job.csx(4,14): error CS1002: ; expected\n", result.Stderr);
        Assert.Empty(result.StdoutBytes);
    }

    [Fact]
    public void An_unsupported_function_shape_gets_its_own_plain_message_and_exits_2()
    {
        var script = TempScript.Write("""
            void Map(string line)
            {
            }
            """);

        var result = Hdnr.Run(["job.csx", "info"], workingDirectory: script.Directory);

        Assert.Equal(7, result.ExitCode);
        Assert.StartsWith("job.csx(1,1): error HDNR0001: Map ", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void An_exception_in_the_script_names_its_type_message_and_csx_line_and_exits_1()
    {
        var script = TempScript.Write("""
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                if (line == "bad")
                    throw new InvalidOperationException("cannot count this");
                yield return (line, 1);
            }
            """);

        var result = Hdnr.Run(["job.csx", "map"], "good\nbad\n", workingDirectory: script.Directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("InvalidOperationException", result.Stderr);
        Assert.Contains("cannot count this", result.Stderr);
        Assert.Contains("job.csx", result.Stderr);
        Assert.Contains("job.csx:4: ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void A_value_that_cannot_be_converted_to_the_declared_type_is_named()
    {
        var script = TempScript.Write("""
            IEnumerable<(string, int)> Reduce(string key, IEnumerable<int> counts)
            {
                yield return (key, counts.Sum());
            }
            """);

        var result = Hdnr.Run(["job.csx", "reduce"], "a\t1\na\tmany\n", workingDirectory: script.Directory);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Reduce could not read record 2 (byte offset 4): value: cannot read \"many\" as int\n", result.Stderr);
    }
}
