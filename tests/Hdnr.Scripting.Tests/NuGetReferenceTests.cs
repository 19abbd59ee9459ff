using Hdnr.Runtime.Jobs;

namespace Hdnr.Scripting.Tests;

/// <summary><c>#r "nuget: ..."</c>: real packages restored from the configured feed, usable at compile and run time.</summary>
public sealed class NuGetReferenceTests : IDisposable
{
    private readonly ScriptFolder folder = ScriptFolder.Create();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_package_referenced_from_a_loaded_file_is_compiled_against_and_runs()
    {
        folder.Write("spell.csx", """
            #load "words.csx"
            /// Spells numbers.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                foreach (var word in Spell(long.Parse(line)).Split(' ', '-'))
                    yield return (word, 1);
            }
            """);
        folder.Write("words.csx", """
            #r "nuget: Humanizer.Core, 2.14.1"
            using Humanizer;
            string Spell(long number) => number.ToWords();
            """);

        var compiled = folder.Load("spell.csx");

        Assert.Equal([TaskKind.Map], compiled.Tasks);
        Assert.Contains(compiled.DependencyPaths, p => Path.GetFileName(p) == "Humanizer.dll" && p.Contains("2.14.1"));
        Assert.Equal([("twenty", 1), ("one", 1)], (IEnumerable<(string, int)>)ScriptRunner.Call(compiled, "Map", 0L, "21")!);
    }

    [Fact]
    public void A_version_range_resolves_and_the_package_set_is_restored_once()
    {
        folder.Write("a.csx", "#r \"nuget: Humanizer.Core, [2.14.1]\"\nstring A() => Humanizer.NumberToWordsExtension.ToWords(3);\n");
        folder.Write("b.csx", "#r \"nuget:humanizer.core,[2.14.1]\"\nstring B() => Humanizer.NumberToWordsExtension.ToWords(4);\n");

        var a = folder.Load("a.csx");
        var nuget = Path.Combine(folder.CacheRoot, "nuget");
        var resolution = Assert.Single(Directory.GetFiles(nuget));
        File.SetLastWriteTimeUtc(resolution, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var b = folder.Load("b.csx");

        Assert.Equal("three", ScriptRunner.Call(a, "A"));
        Assert.Equal("four", ScriptRunner.Call(b, "B"));
        Assert.Equal([resolution], Directory.GetFileSystemEntries(nuget));
        Assert.Equal(2001, File.GetLastWriteTimeUtc(resolution).Year);
    }

    [Fact]
    public void A_package_that_cannot_be_restored_is_one_line_naming_the_file_line_and_package()
    {
        folder.Write("job.csx", "/// Doc.\n#r \"nuget: Hdnr.Tests.No.Such.Package, 1.0.0\"\nvar x = 1;\n");

        var error = Assert.Single(folder.Errors("job.csx"));

        Assert.StartsWith("job.csx(2,1): error HDNR0002: cannot restore NuGet package 'Hdnr.Tests.No.Such.Package, 1.0.0': ", error);
        Assert.Contains("NU1101", error.Replace("Unable to find package", "NU1101"));
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void A_NuGet_config_above_the_script_decides_the_feeds()
    {
        // A config that knows only an empty local feed: a version not yet in the global packages folder cannot be found.
        Directory.CreateDirectory(Path.Combine(folder.Path, "empty-feed"));
        folder.Write("NuGet.Config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="hdnr-test-local" value="empty-feed" />
              </packageSources>
            </configuration>
            """);
        // An exact version: a plain one is a minimum, which the cached 2.14.1 would satisfy.
        folder.Write("jobs/job.csx", "#r \"nuget: Humanizer.Core, [2.13.14]\"\n");

        var error = Assert.Single(folder.Errors("jobs/job.csx"));

        Assert.StartsWith("jobs/job.csx(1,1): error HDNR0002: cannot restore NuGet package 'Humanizer.Core, [2.13.14]': ", error);
        Assert.Contains("hdnr-test-local", error);
    }

    [Fact]
    public void Two_versions_of_one_package_are_an_error_at_the_second()
    {
        folder.Write("job.csx", "#r \"nuget: Humanizer.Core, 2.14.1\"\n#load \"other.csx\"\n");
        folder.Write("other.csx", "\n#r \"nuget: Humanizer.Core, 2.13.14\"\n");

        Assert.Equal(
            ["other.csx(2,1): error HDNR0002: NuGet package 'Humanizer.Core, 2.13.14' conflicts with 'Humanizer.Core, 2.14.1' referenced at job.csx(1,1); reference one version."],
            folder.Errors("job.csx"));
    }

    [Fact]
    public void A_nuget_reference_without_a_package_name_is_an_error_at_its_line()
    {
        folder.Write("job.csx", "#r \"nuget: , 1.0\"\n");

        Assert.Equal(
            ["job.csx(1,1): error HDNR0002: 'nuget: , 1.0' names no NuGet package; write #r \"nuget: Name, Version\" "
                + "(a name holds letters, digits, '.', '-' and '_'; a version digits, letters and .-+*[](),)."],
            folder.Errors("job.csx"));
    }
}
