using System.Runtime.Versioning;
using Hdnr.Runtime.Files;

namespace Hdnr.Runtime.Tests.Files;

/// <summary>AtomicFile writes through a new file of its own beside the destination, never through a path someone else prepared.</summary>
[SupportedOSPlatform("linux")]
public sealed class AtomicFileTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hdnr-atomic-").FullName;

    [Fact]
    public void The_temp_file_is_new_hidden_unpredictable_in_the_destinations_folder_and_of_the_mode_asked()
    {
        var destination = Path.Combine(_folder, "out.bin");

        var (first, firstTemp) = AtomicFile.Create(destination, AtomicFile.Private);
        var (second, secondTemp) = AtomicFile.Create(destination, AtomicFile.Private);
        first.Dispose();
        second.Dispose();

        Assert.NotEqual(firstTemp, secondTemp);
        Assert.Equal(_folder, Path.GetDirectoryName(firstTemp));
        Assert.Matches(@"^\.out\.bin\.[0-9a-f]{24}\.tmp$", Path.GetFileName(firstTemp));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(firstTemp));
    }

    [Fact]
    public void Writing_over_a_symbolic_link_replaces_the_link_and_leaves_its_target_alone()
    {
        var victim = Path.Combine(_folder, "victim");
        File.WriteAllText(victim, "mine");
        var destination = Path.Combine(_folder, "out.bin");
        File.CreateSymbolicLink(destination, victim);

        AtomicFile.Write(destination, "new"u8);

        Assert.Equal("mine", File.ReadAllText(victim));
        Assert.Null(new FileInfo(destination).LinkTarget);
        Assert.Equal("new", File.ReadAllText(destination));
        Assert.Equal(["out.bin", "victim"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_write_that_fails_leaves_no_temp_file_and_the_old_content()
    {
        var destination = Path.Combine(_folder, "out.bin");
        File.WriteAllText(destination, "old");
        var (stream, temp) = AtomicFile.Create(destination);
        stream.Dispose();

        Assert.Throws<IOException>(() => AtomicFile.Commit(temp, destination, overwrite: false));

        Assert.Equal("old", File.ReadAllText(destination));
        Assert.False(File.Exists(temp));
    }
}
