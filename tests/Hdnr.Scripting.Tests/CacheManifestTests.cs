using System.Text;
using Hdnr.Runtime.Jobs;
using Hdnr.Scripting.Caching;

namespace Hdnr.Scripting.Tests;

/// <summary>The manifest's line format: what it writes, what it reads back, and what it refuses.</summary>
public sealed class CacheManifestTests
{
    private static readonly CacheManifest Example = new(
        "ab12", [TaskKind.Map, TaskKind.Combine], ["/p/a.dll", "/p/b c.dll"], "First line.\n\n  indented third");

    [Fact]
    public void A_manifest_is_written_as_tagged_lines_ending_with_end()
    {
        Assert.Equal(
            "hdnr-manifest 1\ndll ab12\ntask Map\ntask Combine\ndep /p/a.dll\ndep /p/b c.dll\ndoc First line.\ndoc \ndoc   indented third\nend\n",
            Encoding.UTF8.GetString(Example.ToBytes()));
    }

    [Fact]
    public void A_written_manifest_reads_back_the_same()
    {
        var read = CacheManifest.Parse(Encoding.UTF8.GetString(Example.ToBytes()))!;

        Assert.Equal(Example.DllSha256, read.DllSha256);
        Assert.Equal(Example.Tasks, read.Tasks);
        Assert.Equal(Example.DependencyPaths, read.DependencyPaths);
        Assert.Equal(Example.Doc, read.Doc);
    }

    [Fact]
    public void An_empty_doc_and_no_tasks_read_back_empty()
    {
        var read = CacheManifest.Parse(Encoding.UTF8.GetString(new CacheManifest("00", [], [], "").ToBytes()))!;

        Assert.Equal("", read.Doc);
        Assert.Empty(read.Tasks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hdnr-manifest 1\ndll ab12\ntask Map\n")]
    [InlineData("hdnr-manifest 1\ndll ab12\ntask Map\nend")]
    [InlineData("hdnr-manifest 2\ndll ab12\nend\n")]
    [InlineData("hdnr-manifest 1\ntask Map\nend\n")]
    [InlineData("hdnr-manifest 1\ndll ab12\ntask Shuffle\nend\n")]
    [InlineData("hdnr-manifest 1\ndll ab12\nsize 12\nend\n")]
    public void Anything_but_a_whole_manifest_of_this_version_is_refused(string text)
    {
        Assert.Null(CacheManifest.Parse(text));
    }

    [Fact]
    public void A_dependency_path_with_a_newline_cannot_be_cached()
    {
        Assert.Throws<IOException>(() => new CacheManifest("00", [], ["/p/a\nb.dll"], "").ToBytes());
    }
}
