namespace Hdnr.Cli.Tests;

/// <summary>A script written to a fresh temp folder for one test.</summary>
internal sealed record TempScript(string Path)
{
    public static TempScript Write(string source, string name = "job.csx")
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("hdnr-script-").FullName;
        var path = System.IO.Path.Combine(dir, name);
        File.WriteAllText(path, source);
        return new TempScript(path);
    }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
}
