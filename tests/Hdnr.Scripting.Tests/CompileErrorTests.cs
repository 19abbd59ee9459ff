namespace Hdnr.Scripting.Tests;

/// <summary>What the user sees when a script does not compile: csc-style lines naming their files.</summary>
public sealed class CompileErrorTests : IDisposable
{
    private readonly ScriptFolder folder = ScriptFolder.Create();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_syntax_error_names_the_script_as_given_with_line_and_column()
    {
        folder.Write("wc.csx", """
            /// Broken.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                var n = 1
                yield return (line, n);
            }
            """);

        Assert.Equal(["wc.csx(4,14): error CS1002: ; expected"], folder.Errors("wc.csx"));
    }

    [Fact]
    public void Every_error_is_listed_and_warnings_are_not()
    {
        folder.Write("jobs/job.csx", """
            #pragma warning restore
            int unused;
            var a = Missing();
            string b = 1;
            """);

        Assert.Equal(
            [
                "jobs/job.csx(3,9): error CS0103: The name 'Missing' does not exist in the current context",
                "jobs/job.csx(4,12): error CS0029: Cannot implicitly convert type 'int' to 'string'",
            ],
            folder.Errors("jobs/job.csx"));
    }

    [Fact]
    public void An_error_in_a_loaded_file_names_it_relative_to_the_current_folder()
    {
        folder.Write("jobs/job.csx", "#load \"lib/helpers.csx\"\nvar x = Helper();\n");
        folder.Write("jobs/lib/helpers.csx", "int Helper() => \"text\";\n");

        Assert.Equal(
            ["jobs/lib/helpers.csx(1,17): error CS0029: Cannot implicitly convert type 'string' to 'int'"],
            folder.Errors("jobs/job.csx"));
    }

    [Fact]
    public void A_loaded_file_outside_the_current_folder_is_named_by_its_full_path()
    {
        using var elsewhere = ScriptFolder.Create();
        var helpers = elsewhere.Write("helpers.csx", "int Helper() => \"text\";\n");
        folder.Write("job.csx", $"#load \"{helpers}\"\nvar x = Helper();\n");

        Assert.Equal([$"{helpers}(1,17): error CS0029: Cannot implicitly convert type 'string' to 'int'"], folder.Errors("job.csx"));
    }

    [Fact]
    public void A_missing_loaded_file_is_an_error_at_its_load_line()
    {
        folder.Write("job.csx", "/// Doc.\n#load \"nope.csx\"\nvar x = 1;\n");

        var error = Assert.Single(folder.Errors("job.csx"));
        Assert.StartsWith("job.csx(2,7): error CS1504: Source file '", error);
        Assert.Contains("nope.csx", error);
    }

    [Fact]
    public void A_function_with_a_shape_hdnr_cannot_run_is_an_error_at_its_declaration()
    {
        folder.Write("wc.csx", """
            #load "helpers.csx"
            /// Doc line one.
            /// Doc line two.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                yield return (line, 1);
            }

            IEnumerable<(string, int)> Reduce(string word, int count)
            {
                yield return (word, count);
            }
            """);
        folder.Write("helpers.csx", "string Helper() => \"x\";\n");

        var error = Assert.Single(folder.Errors("wc.csx"));
        Assert.StartsWith("wc.csx(9,1): error HDNR0001: Reduce must take (key, values)", error);
    }

    [Fact]
    public void A_shape_error_in_a_loaded_file_names_that_file()
    {
        folder.Write("job.csx", "#load \"lib/map.csx\"\n");
        folder.Write("lib/map.csx", "\n  void Map(string line) { }\n");

        var error = Assert.Single(folder.Errors("job.csx"));
        Assert.StartsWith("lib/map.csx(2,3): error HDNR0001: Map must take (key, value)", error);
    }

    [Fact]
    public void A_failed_script_leaves_nothing_in_the_cache()
    {
        folder.Write("job.csx", "void Map(string line) { }\n");

        folder.Errors("job.csx");

        Assert.Empty(Directory.GetFiles(Path.Combine(folder.CacheRoot, "scripts")));
    }
}
